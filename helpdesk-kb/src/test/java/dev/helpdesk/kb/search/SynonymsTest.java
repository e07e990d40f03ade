package dev.helpdesk.kb.search;

import static dev.helpdesk.kb.search.Articles.english;
import static dev.helpdesk.kb.search.Articles.find;
import static dev.helpdesk.kb.search.Articles.index;
import static dev.helpdesk.kb.search.Articles.spanish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helpdesk.model.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Synonyms: a query for one word of a group also finds the others (D-11: the first line searches in its own words). */
class SynonymsTest {

  @Test
  void theDefaultItSetJoinsClaveContrasenaAndPassword() {
    SearchIndex kb = index(
        spanish("ES", "Cambiar la contraseña", "Abra su perfil."),
        english("EN", "Reset a password", "Open your profile."));
    assertEquals(Set.of("ES", "EN"), Set.copyOf(find(kb, "clave")));
    assertEquals(Set.of("ES", "EN"), Set.copyOf(find(kb, "contraseñas")));
  }

  @Test
  void theDefaultSetKnowsComputersPhonesMailAndPrinters() {
    SearchIndex kb = index(
        spanish("PC", "El ordenador no arranca", "Pulse el botón."),
        spanish("MOVIL", "El celular no carga", "Cambie el cable."),
        spanish("MAIL", "El email no llega", "Revise el filtro."),
        english("PRINTER", "Printer offline", "Check the cable."));
    assertEquals(List.of("PC"), find(kb, "computadora"));
    assertEquals(List.of("PC"), find(kb, "equipo"));
    assertEquals(List.of("MOVIL"), find(kb, "móvil"));
    assertEquals(List.of("MAIL"), find(kb, "correo"));
    assertEquals(List.of("PRINTER"), find(kb, "impresora"));
  }

  @Test
  void theWordTypedRanksAboveItsSynonym() {
    SearchIndex kb = index(spanish("SYN", "Cambiar la clave", "Abra su perfil."), spanish("WORD", "Cambiar la contraseña", "Abra su perfil."));
    assertEquals(List.of("WORD", "SYN"), find(kb, "contraseña"));
    assertEquals(List.of("SYN", "WORD"), find(kb, "clave"));
  }

  @Test
  void anIndexWithoutSynonymsFindsOnlyTheWordTyped() {
    SearchIndex kb = index(SearchIndex.builder().synonyms(Synonyms.none()).build(),
        spanish("ES", "Cambiar la contraseña", "Abra su perfil."));
    assertEquals(List.of(), find(kb, "clave"));
  }

  @Test
  void customGroupsAddToTheDefaults() {
    Synonyms mine = Synonyms.itDefaults().and(Synonyms.of(List.of(Set.of("vpn", "túnel"))));
    SearchIndex kb = index(SearchIndex.builder().synonyms(mine).build(),
        spanish("VPN", "La VPN se corta", "Reconecte."), spanish("PC", "El ordenador", "Encienda."));
    assertEquals(List.of("VPN"), find(kb, "tunel"));
    assertEquals(List.of("PC"), find(kb, "computadora"));
  }

  @Test
  void synonymsAreValuesAndValidated() {
    assertEquals(Synonyms.of(List.of(Set.of("a1", "b1"))), Synonyms.of(List.of(Set.of("b1", "a1"))));
    assertNotEquals(Synonyms.none(), Synonyms.itDefaults());
    ValidationException twoWords = assertThrows(ValidationException.class,
        () -> Synonyms.of(List.of(Set.of("correo electrónico", "email"))));
    assertEquals("groups[0]", twoWords.violations().get(0).field());
    assertThrows(ValidationException.class, () -> Synonyms.of(List.of(Set.of("solo"))));
    assertThrows(ValidationException.class, () -> Synonyms.of(Arrays.asList(Set.of("a1", "b1"), null)));
    assertThrows(ValidationException.class, () -> Synonyms.of(List.of(Set.of("a1", " "))));
    assertThrows(ValidationException.class, () -> Synonyms.of(null));
    assertThrows(ValidationException.class, () -> Synonyms.none().and(null));
  }
}
