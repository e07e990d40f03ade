package dev.helpdesk.tck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The test kit tests ports, not implementations: it sees the contract and JUnit, nothing else. */
class ArchitectureTest {
  private static final JavaClasses KIT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.helpdesk.tck");

  @Test
  void theKitDependsOnlyOnTheContractAndJUnit() {
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.helpdesk.model..", "dev.helpdesk.spi..", "dev.helpdesk.tck..",
            "org.junit.jupiter.api..", "org.opentest4j..")
        .check(KIT);
  }
}
