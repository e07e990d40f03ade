package dev.helpdesk.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The adapter knows the contract, JDBC and its migration tool, and nothing of the desk: it sits
 * outside the hexagon, beside helpdesk-core, not on top of it.
 */
class ArchitectureTest {
  private static final JavaClasses ADAPTER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("dev.helpdesk.jdbc");

  @Test
  void theAdapterUsesOnlyTheContractJdbcAndFlyway() {
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "javax.sql..", "dev.helpdesk.model..", "dev.helpdesk.spi..",
            "dev.helpdesk.jdbc..", "org.flywaydb..")
        .check(ADAPTER);
  }

  @Test
  void onlyTheSchemaKnowsFlyway() {
    // A host that applies the SQL with its own tooling may leave Flyway out of its class path.
    noClasses().that().doNotHaveSimpleName("HelpDeskSchema")
        .should().dependOnClassesThat().resideInAPackage("org.flywaydb..")
        .check(ADAPTER);
  }

  @Test
  void theAdapterIsNotTiedToOneDriver() {
    // The host brings the driver; nothing here may need PostgreSQL's own JDBC classes.
    noClasses().should().dependOnClassesThat().resideInAPackage("org.postgresql..").check(ADAPTER);
  }
}
