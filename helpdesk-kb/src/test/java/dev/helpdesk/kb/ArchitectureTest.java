package dev.helpdesk.kb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The knowledge base knows only the contract: not routing, not the desk, no libraries. */
class ArchitectureTest {
  private static final JavaClasses MODULE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.helpdesk.kb");

  @Test
  void theKnowledgeBaseDependsOnlyOnTheContract() {
    // Empty until the engine's code lands; the rule then holds it to its allow-list.
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.helpdesk.model..", "dev.helpdesk.spi..", "dev.helpdesk.kb..")
        .allowEmptyShould(true)
        .check(MODULE);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.helpdesk.kb.(**)").should().beFreeOfCycles().allowEmptyShould(true).check(MODULE);
  }
}
