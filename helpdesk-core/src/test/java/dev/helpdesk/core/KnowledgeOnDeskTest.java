package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.memory.InMemoryKnowledgeStore;
import dev.helpdesk.kb.ArticleMatch;
import dev.helpdesk.model.AccessDeniedException;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Article;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Bulletin;
import dev.helpdesk.model.BulletinId;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Visibility;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The knowledge base at the desk (D-11, D-23): articles, search, suggestions, self-service. */
class KnowledgeOnDeskTest {
  private static final Locale SPANISH = Locale.forLanguageTag("es");

  private final InMemoryKnowledgeStore knowledge = new InMemoryKnowledgeStore();

  private Desk desk(java.util.function.UnaryOperator<HelpDesk.Builder> options) {
    return new Desk(b -> options.apply(b.knowledgeStore(knowledge)));
  }

  private static Article article(String id, Locale language, String title, String symptoms, String step,
      Visibility audience, String category) {
    return Article.draft(ArticleId.of(id), language, title, symptoms, List.of(step), Desk.MONDAY_9AM)
        .withAudience(audience).withCategory(category);
  }

  /** Three published articles and a draft. */
  private void writeArticles(Desk d) {
    d.desk.writeArticle(LUCIA, article("kb-spooler", SPANISH, "La impresora no imprime",
        "Los documentos se quedan en la cola de impresión.", "Reiniciar el servicio de cola de impresión.",
        Visibility.PUBLIC, "printing"));
    d.desk.writeArticle(LUCIA, article("kb-password", SPANISH, "Cambiar la contraseña olvidada",
        "El usuario no recuerda su contraseña y no puede entrar.", "Restablecer la contraseña desde el portal.",
        Visibility.PUBLIC, "accounts"));
    d.desk.writeArticle(LUCIA, article("kb-ad-unlock", Locale.ENGLISH, "Unlock an account in Active Directory",
        "The account is locked after too many wrong passwords.", "Open Users and Computers and unlock the account.",
        Visibility.INTERNAL, "accounts"));
    d.desk.writeArticle(LUCIA, article("kb-draft", SPANISH, "Impresora nueva en la oficina",
        "Borrador sin terminar sobre la impresora.", "Pendiente.", Visibility.PUBLIC, "printing"));
    for (String id : List.of("kb-spooler", "kb-password", "kb-ad-unlock")) {
      d.desk.publishArticle(LUCIA, ArticleId.of(id));
    }
  }

  private static List<String> ids(List<ArticleMatch> matches) {
    return matches.stream().map(m -> m.article().id().value()).toList();
  }

  @Test
  void staffFindPublishedArticlesTypedWithoutAccentsOrWithATypo() {
    Desk d = desk(b -> b);
    writeArticles(d);

    assertEquals("kb-password", ids(d.desk.searchArticles(LUCIA, "contrasena olvidada")).get(0));
    assertEquals("kb-spooler", ids(d.desk.searchArticles(LUCIA, "inpresora no imprime")).get(0));
    assertFalse(ids(d.desk.searchArticles(LUCIA, "impresora")).contains("kb-draft"), "a draft is not found");
    assertTrue(ids(d.desk.searchArticles(LUCIA, "unlock account")).contains("kb-ad-unlock"));
  }

  @Test
  void customersFindOnlyPublicArticlesAndTheirSearchesAreSelfService() {
    Desk d = desk(b -> b);
    writeArticles(d);
    Ticket t = d.call("Hola");
    Actor ana = d.customerOf(t);

    assertFalse(ids(d.desk.searchArticles(ana, "unlock account")).contains("kb-ad-unlock"), "internal");
    assertEquals("kb-password", ids(d.desk.searchArticles(ana, "contraseña")).get(0));
    assertEquals(new Deflection(2, 0, 0), d.desk.deflection(), "searched twice; the session is still open");
  }

  @Test
  void aSessionWithoutATicketIsDeflectedAndOneFollowedByATicketIsNot() {
    Desk d = desk(b -> b.deflectionWindow(Duration.ofMinutes(30)));
    writeArticles(d);
    Actor ana = d.customerOf(d.call("Hola"));
    Ticket other = d.desk.receive(InboundContact.of(Channel.WEB, CustomerDetails.named("Luis").email("luis@example.com"),
        "Hola", "", d.clock.instant()));
    Actor luis = d.customerOf(other);

    d.desk.searchArticles(ana, "impresora");
    d.desk.searchArticles(luis, "contraseña");
    d.later(Duration.ofMinutes(20));
    d.desk.searchArticles(ana, "cola de impresión"); // the same session, now ending 30 minutes from here
    d.desk.receive(InboundContact.of(Channel.WEB, CustomerDetails.named("Luis").email("luis@example.com"),
        "No puedo entrar", "", d.clock.instant()));
    d.later(Duration.ofMinutes(20));
    d.desk.advanceTo(d.clock.instant());
    assertEquals(new Deflection(3, 1, 0), d.desk.deflection(), "Luis opened a ticket; Ana's session goes on");

    d.later(Duration.ofMinutes(15));
    d.desk.advanceTo(d.clock.instant());
    assertEquals(new Deflection(3, 2, 1), d.desk.deflection());
    assertEquals(0.5, d.desk.deflection().rate());
  }

  @Test
  void suggestionsPutTheBulletinsAboutTheTicketFirst() {
    Desk d = desk(b -> b);
    writeArticles(d);
    Ticket printer = d.call("La impresora no imprime nada");
    d.desk.postBulletin(SAM, Bulletin.post(BulletinId.of("b-print"), SAM, "Servidor de impresión caído",
            "El servidor de impresión no responde.", "Estamos en ello.", d.clock.instant(),
            d.clock.instant().plus(Duration.ofHours(4)))
        .withAffectedServices(Set.of("impresora")));

    Suggestions suggestions = d.desk.suggest(LUCIA, printer.id());

    assertEquals(List.of(BulletinId.of("b-print")), suggestions.bulletins().stream().map(Bulletin::id).toList());
    assertEquals("kb-spooler", suggestions.articles().get(0).article().id().value());
    String marked = suggestions.articles().get(0).snippet().marked("[", "]").toLowerCase(SPANISH);
    assertTrue(marked.contains("[impres") || marked.contains("[imprim"), "the matched words are marked: " + marked);
    assertThrows(AccessDeniedException.class, () -> d.desk.suggest(d.customerOf(printer), printer.id()));
  }

  @Test
  void anArticleThatResolvesTicketsOfACategoryRisesInItsSuggestions() {
    Desk d = desk(b -> b.learnFromResolutions(2.0));
    Ticket probe = twoWifiArticlesAndAProbe(d);
    List<String> before = ids(d.desk.suggest(LUCIA, probe.id()).articles());
    String loser = before.get(1);

    resolveFiveNetworkTicketsWith(d, loser);

    assertEquals(loser, ids(d.desk.suggest(LUCIA, probe.id()).articles()).get(0));
  }

  @Test
  void learningCanBeTurnedOff() {
    Desk d = desk(b -> b.learnFromResolutions(0));
    Ticket probe = twoWifiArticlesAndAProbe(d);
    List<String> before = ids(d.desk.suggest(LUCIA, probe.id()).articles());
    resolveFiveNetworkTicketsWith(d, before.get(1));
    assertEquals(before, ids(d.desk.suggest(LUCIA, probe.id()).articles()));
  }

  @Test
  void anArchivedArticleIsNoLongerFoundAndCustomersCannotWriteArticles() {
    Desk d = desk(b -> b);
    writeArticles(d);
    Actor ana = d.customerOf(d.call("Hola"));
    assertThrows(AccessDeniedException.class, () -> d.desk.writeArticle(ana, article("kb-x", SPANISH, "Título",
        "Síntomas.", "Paso.", Visibility.PUBLIC, "general")));
    assertTrue(knowledge.find(ArticleId.of("kb-x")).isEmpty(), "nothing stored");

    d.desk.archiveArticle(SAM, ArticleId.of("kb-spooler"));

    assertFalse(ids(d.desk.searchArticles(LUCIA, "impresora cola")).contains("kb-spooler"));
    assertThrows(ValidationException.class, () -> d.desk.searchArticles(LUCIA, "   "));
  }

  @Test
  void aDeskOnAStoreWithPublishedArticlesFindsThemFromTheStart() {
    Desk first = desk(b -> b);
    writeArticles(first);
    HelpDesk second = HelpDesk.builder().knowledgeStore(knowledge).build();
    assertEquals("kb-password", ids(second.searchArticles(SAM, "contraseña")).get(0));
  }

  /** Two published articles about the same Wi-Fi problem, and a network ticket to suggest for. */
  private Ticket twoWifiArticlesAndAProbe(Desk d) {
    d.desk.writeArticle(LUCIA, article("kb-wifi-a", Locale.ENGLISH, "Wi-Fi drops every few minutes",
        "The laptop loses the wireless network.", "Update the wireless driver.", Visibility.PUBLIC, "network"));
    d.desk.writeArticle(LUCIA, article("kb-wifi-b", Locale.ENGLISH, "Wireless network keeps dropping",
        "The Wi-Fi connection drops.", "Forget the network and join it again.", Visibility.PUBLIC, "network"));
    d.desk.publishArticle(LUCIA, ArticleId.of("kb-wifi-a"));
    d.desk.publishArticle(LUCIA, ArticleId.of("kb-wifi-b"));
    return d.desk.receive(InboundContact.of(Channel.EMAIL, Desk.ana(), "Wi-Fi drops", "", d.clock.instant())
        .withCategory("network"));
  }

  /** Five network tickets, each resolved naming the article. */
  private static void resolveFiveNetworkTicketsWith(Desk d, String article) {
    for (int i = 0; i < 5; i++) {
      Ticket t = d.desk.receive(InboundContact.of(Channel.EMAIL, Desk.ana(), "Wi-Fi problem " + i, "",
          d.clock.instant()).withCategory("network"));
      d.desk.resolve(LUCIA, t.id(), Solution.of("Did what the article says.").usingArticle(ArticleId.of(article)));
    }
  }
}
