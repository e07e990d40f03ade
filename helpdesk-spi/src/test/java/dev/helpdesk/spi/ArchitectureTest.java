package dev.helpdesk.spi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contract module stands alone: the JDK and the Jakarta Validation annotations, nothing else. */
class ArchitectureTest {
  private static final JavaClasses CONTRACT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.helpdesk");

  @Test
  void theContractDependsOnlyOnTheJdkAndJakartaValidation() {
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "jakarta.validation..", "dev.helpdesk.model..", "dev.helpdesk.spi..")
        .check(CONTRACT);
  }

  @Test
  void theModelKnowsNothingOfThePorts() {
    noClasses().that().resideInAPackage("dev.helpdesk.model..")
        .should().dependOnClassesThat().resideInAPackage("dev.helpdesk.spi..")
        .check(CONTRACT);
  }

  @Test
  void eachPortPackageStandsAloneOnTheModel() {
    slices().matching("dev.helpdesk.spi.(*)..").should().notDependOnEachOther().check(CONTRACT);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.helpdesk.(**)").should().beFreeOfCycles().check(CONTRACT);
  }
}
