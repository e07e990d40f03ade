package dev.helpdesk.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's packages, each with what it may use (after JobRunr's PackageDependenciesTest), and the
 * whole library free of package cycles.
 */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.helpdesk.core");

  private static final JavaClasses LIBRARY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.helpdesk");

  @Test
  void theInMemoryStoresUseOnlyTheContract() {
    classes().that().resideInAPackage("dev.helpdesk.core.memory..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.helpdesk.model..", "dev.helpdesk.spi..", "dev.helpdesk.core.memory..")
        .check(CORE);
  }

  @Test
  void theStateMachineKnowsOnlyTheModel() {
    classes().that().resideInAPackage("dev.helpdesk.core.lifecycle..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.helpdesk.model..", "dev.helpdesk.core.lifecycle..")
        .check(CORE);
  }

  @Test
  void serviceLevelsAreArithmeticOnTheModel() {
    classes().that().resideInAPackage("dev.helpdesk.core.sla..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.helpdesk.model..", "dev.helpdesk.core.sla..")
        .check(CORE);
  }

  @Test
  void theFacadeUsesTheContractTheEnginesAndItsOwnLibrariesOnly() {
    classes().that().resideInAPackage("dev.helpdesk.core")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.helpdesk..", "jakarta.validation..", "org.hibernate.validator..",
            "org.slf4j..")
        .check(CORE);
  }

  @Test
  void theLibraryHasNoPackageCycles() {
    slices().matching("dev.helpdesk.(**)").should().beFreeOfCycles().check(LIBRARY);
  }
}
