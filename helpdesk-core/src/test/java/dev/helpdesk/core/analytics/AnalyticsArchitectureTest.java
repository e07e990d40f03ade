package dev.helpdesk.core.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The reports read the contract and nothing else: no facade, no in-memory store, no logging. */
class AnalyticsArchitectureTest {
  private static final JavaClasses ANALYTICS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.helpdesk.core.analytics");

  @Test
  void analyticsUsesOnlyTheJdkAndTheContract() {
    classes().that().resideInAPackage("dev.helpdesk.core.analytics..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.helpdesk.model..", "dev.helpdesk.spi..", "dev.helpdesk.core.analytics..")
        .check(ANALYTICS);
  }
}
