package dev.helpdesk.mail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The mail channel is an adapter outside the hexagon: it knows the contract and the Jakarta Mail API,
 * never the desk's facade, its engines or a particular mail implementation.
 */
class ArchitectureTest {
  private static final JavaClasses MODULE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.helpdesk.mail");

  @Test
  void theMailChannelDependsOnlyOnTheContractAndTheJakartaMailApi() {
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "jakarta.mail..", "jakarta.activation..", "dev.helpdesk.model..",
            "dev.helpdesk.spi..", "dev.helpdesk.mail..")
        .check(MODULE);
  }

  @Test
  void itNeverReachesIntoTheDeskOrAMailImplementation() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.helpdesk.core..", "dev.helpdesk.routing..", "dev.helpdesk.kb..", "org.eclipse.angus..",
            "com.sun.mail..")
        .check(MODULE);
  }

  @Test
  void onlyTheChannelTheNotifierAndTheirValuesArePublic() {
    classes().that().arePublic().and().areTopLevelClasses()
        .should().haveSimpleNameEndingWith("Channel").orShould().haveSimpleNameEndingWith("Notifier")
        .orShould().haveSimpleName("MailServer").orShould().haveSimpleName("MailOutcome")
        .orShould().haveSimpleName("PollResult")
        .check(MODULE);
    classes().that().haveSimpleName("HtmlText").or().haveSimpleName("MailIntake").or().haveSimpleName("MailReader")
        .should().notHaveModifier(JavaModifier.PUBLIC).check(MODULE);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.helpdesk.mail.(**)").should().beFreeOfCycles().allowEmptyShould(true).check(MODULE);
  }
}
