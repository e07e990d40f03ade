package dev.helpdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Knowledge-base articles (D-11): what makes a valid one and how it moves from draft to archive. */
class ArticleTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final Locale SPANISH = Locale.forLanguageTag("es");

  private static Article draft() {
    return Article.draft(ArticleId.of("kb-012"), SPANISH, "  Olvidé mi contraseña ",
        "No puedo entrar en el equipo.", List.of("Abrir el portal de autoservicio.", "Elegir «Restablecer clave»."),
        NOW);
  }

  private static List<String> fields(ValidationException e) {
    return e.violations().stream().map(Violation::field).toList();
  }

  @Test
  void aNewDraftIsForStaffOnlyUntilItsAuthorSaysOtherwise() {
    Article draft = draft();
    assertEquals(ArticleStatus.DRAFT, draft.status());
    assertEquals(Visibility.INTERNAL, draft.audience());
    assertEquals(Article.DEFAULT_CATEGORY, draft.category());
    assertEquals(List.of(), draft.keywords());
    assertEquals(0, draft.version());
    assertEquals(NOW, draft.updatedAt());
    assertEquals("Olvidé mi contraseña", draft.title(), "texts are trimmed");
    assertFalse(draft.isPublished());
  }

  @Test
  void keywordsAreLowerCasedAndRepeatsDroppedInTheAuthorsOrder() {
    Article article = draft().withKeywords(List.of("Contraseña", " clave ", "CONTRASEÑA", "password"));
    assertEquals(List.of("contraseña", "clave", "password"), article.keywords());
  }

  @Test
  void theStepsListIsCopiedSoTheCallerCannotChangeTheArticle() {
    List<String> steps = new ArrayList<>(List.of("Reiniciar el equipo."));
    Article article = draft().revise("Equipo lento", "Tarda mucho en arrancar.", steps, NOW);
    steps.add("Formatear el disco.");
    assertEquals(List.of("Reiniciar el equipo."), article.solutionSteps());
    assertThrows(UnsupportedOperationException.class, () -> article.solutionSteps().add("x"));
  }

  @Test
  void anArticleNeedsAtLeastOneSolutionStep() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> draft().revise("Equipo lento", "Tarda mucho.", List.of(), NOW));
    assertEquals(List.of("solutionSteps"), fields(e));
  }

  @Test
  void everythingWrongIsReportedAtOnceWithTheOffendingStep() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> new Article(null, " ", "ok", Arrays.asList("Paso uno.", "  "), Arrays.asList("vpn", null), "",
            Locale.ROOT, null, null, -1, null));
    assertEquals("Article", e.subject());
    assertEquals(List.of("id", "title", "solutionSteps[1]", "keywords", "category", "language", "audience",
        "status", "version", "updatedAt"), fields(e));
  }

  @Test
  void overlongTextsAndTooManyKeywordsAreRejected() {
    assertThrows(ValidationException.class, () -> draft().revise("t".repeat(Article.TITLE_MAX + 1), "s",
        List.of("step"), NOW));
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= Article.KEYWORDS_MAX; i++) {
      many.add("k" + i);
    }
    ValidationException e = assertThrows(ValidationException.class, () -> draft().withKeywords(many));
    assertEquals(List.of("keywords"), fields(e));
    assertThrows(ValidationException.class, () -> draft().withKeywords(List.of("k".repeat(Article.KEYWORD_MAX + 1))));
  }

  @Test
  void theLanguageIsKeptAsALanguageTagSoItSurvivesAnyStore() {
    Article article = draft();
    assertEquals(SPANISH, Locale.forLanguageTag(article.language().toLanguageTag()));
    Article mexican = new Article(article.id(), article.title(), article.symptoms(), article.solutionSteps(),
        article.keywords(), article.category(), new Locale("es", "MX"), article.audience(), article.status(), 0, NOW);
    assertEquals(Locale.forLanguageTag("es-MX"), mexican.language());
  }

  @Test
  void anArticleIsPublishedThenArchivedAndMayBePublishedAgain() {
    Article published = draft().publish(NOW.plusSeconds(60));
    assertTrue(published.isPublished());
    assertEquals(NOW.plusSeconds(60), published.updatedAt());

    Article archived = published.archive(NOW.plusSeconds(120));
    assertEquals(ArticleStatus.ARCHIVED, archived.status());
    assertFalse(archived.isPublished());

    assertTrue(archived.publish(NOW.plusSeconds(180)).isPublished(), "a retired problem may come back");
    assertEquals(ArticleStatus.ARCHIVED, draft().archive(NOW).status(), "an abandoned draft is archived");
  }

  @Test
  void aStatusChangeThatIsNotAllowedIsRejectedNamingTheStatus() {
    Article published = draft().publish(NOW);
    ValidationException twice = assertThrows(ValidationException.class, () -> published.publish(NOW));
    assertEquals(List.of("status"), fields(twice));
    assertTrue(twice.getMessage().contains("PUBLISHED"), twice.getMessage());
    assertThrows(ValidationException.class, () -> published.archive(NOW).archive(NOW));
    for (ArticleStatus status : ArticleStatus.values()) {
      assertFalse(status.canBecome(ArticleStatus.DRAFT), status + " never goes back to draft");
      assertFalse(status.canBecome(status));
    }
  }

  @Test
  void revisingKeepsTheStatusAndStampsTheTime() {
    Article published = draft().withKeywords(List.of("clave")).publish(NOW);
    Article revised = published.revise("Contraseña caducada", "Me pide cambiar la clave.",
        List.of("Cambiarla en el portal."), NOW.plusSeconds(3600));
    assertEquals(ArticleStatus.PUBLISHED, revised.status());
    assertEquals(NOW.plusSeconds(3600), revised.updatedAt());
    assertEquals(List.of("clave"), revised.keywords());
    assertEquals(published.id(), revised.id());
  }

  @Test
  void articlesAreValuesComparedByEveryComponent() {
    assertEquals(draft(), draft());
    assertEquals(draft().hashCode(), draft().hashCode());
    assertNotEquals(draft(), draft().withVersion(1));
    assertNotEquals(draft(), draft().withAudience(Visibility.PUBLIC));
    assertEquals(draft().withUpdatedAt(NOW.plusSeconds(1)).updatedAt(), NOW.plusSeconds(1));
  }
}
