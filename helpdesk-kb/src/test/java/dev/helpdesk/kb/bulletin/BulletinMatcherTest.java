package dev.helpdesk.kb.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Bulletin;
import dev.helpdesk.model.BulletinId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which incoming ticket is about which known problem (D-12). */
class BulletinMatcherTest {
  private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

  private static Bulletin bulletin(String id, Set<String> services, Set<String> keywords) {
    return Bulletin.post(BulletinId.of(id), Actor.supervisor("sam"), "Outage " + id, "Something is down.",
            "We are on it.", NINE, NINE.plusSeconds(8 * 3600))
        .withAffectedServices(services).withKeywords(keywords);
  }

  @Test
  void aTicketNamingAnAffectedServiceMatchesWhateverItsCaseAndPlural() {
    Bulletin vpn = bulletin("b-vpn", Set.of("vpn"), Set.of());
    assertTrue(BulletinMatcher.matches("The VPN will not connect", vpn));
    assertTrue(BulletinMatcher.matches("Ninguna de las VPNs conecta", vpn));
    assertFalse(BulletinMatcher.matches("My vpnclient crashed", vpn), "a word, not a piece of one");
  }

  @Test
  void keywordsMatchWithoutAccentsAndAsWholePhrases() {
    Bulletin mail = bulletin("b-mail", Set.of("correo"), Set.of("buzón lleno", "contraseña"));
    assertFalse(BulletinMatcher.matches("el buzon esta lleno desde esta manana", mail),
        "the words of a phrase must come together");
    assertTrue(BulletinMatcher.matches("Me sale buzon lleno al enviar", mail));
    assertTrue(BulletinMatcher.matches("No puedo cambiar la CONTRASENA", mail));
    assertTrue(BulletinMatcher.matches("No me llegan los correos", mail), "plural of correo");
  }

  @Test
  void pluralsAndFinalVowelsOfEitherLanguageCompareEqual() {
    assertEquals(BulletinMatcher.words("impresoras redes services servers"),
        BulletinMatcher.words("impresora red service server"));
    assertEquals(List.of("nino", "pinguino"), BulletinMatcher.words("Niño, pingüino!"));
  }

  @Test
  void theFirstBulletinInTheGivenOrderWins() {
    Bulletin newer = bulletin("b-2", Set.of("email"), Set.of());
    Bulletin older = bulletin("b-1", Set.of("email", "vpn"), Set.of());
    assertEquals(Optional.of(newer), BulletinMatcher.firstMatch("email is down", List.of(newer, older)));
    assertEquals(Optional.of(older), BulletinMatcher.firstMatch("vpn is down", List.of(newer, older)));
    assertEquals(Optional.empty(), BulletinMatcher.firstMatch("printer is down", List.of(newer, older)));
    assertEquals(Optional.empty(), BulletinMatcher.firstMatch("anything", List.of()));
  }
}
