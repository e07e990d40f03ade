package dev.helpdesk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The main example tells the same day on every run, and the day it tells is the one the seeds describe. */
class HelpDeskDayTest {
  private static String runTheDay() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new HelpDeskDay(out).run();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void assertTold(String day, String line) {
    assertTrue(day.contains(line), () -> "the day should tell \"" + line + "\":\n" + day);
  }

  @Test
  void theSimulatedDayPrintsTheSameOnEveryRun() {
    assertEquals(runTheDay(), runTheDay());
  }

  @Test
  void theBulletinsFixResolvesTheThreeVpnTicketsLinkedAtIntake() {
    String day = runTheDay();
    assertTold(day, "11:50  Sam marks the VPN fixed -> 3 linked tickets resolved");
    assertEquals(3, day.split("linked to bulletin vpn-outage", -1).length - 1);
  }

  @Test
  void theFlowchartSolvesOnePrinterAndEscalatesTheOtherAtItsDeadEnd() {
    String day = runTheDay();
    assertTold(day, "resolved with kb-print-queue-stuck");
    assertTold(day, "flowchart walked: escalation");
    assertTold(day, "flowchart dead end -> escalated to L2 Specialists needing [printers]");
  }

  @Test
  void searchesFindArticlesTypedWithoutAccentsAndWithTypos() {
    String day = runTheDay();
    assertTold(day, "finds \"Cambiar la contraseña del correo\"; no ticket");
    assertTold(day, "the desk suggests \"Outlook keeps asking for the password\"");
    assertTold(day, "resolved with kb-outlook-password");
    assertTold(day, "Self-service searches by customers: 1, deflected (no ticket within the hour): 1");
  }

  @Test
  void lastWeeksFixComesBackUnderWarrantyAndLevelTwoSolutionsReturnToTheFirstLine() {
    String day = runTheDay();
    assertTold(day, "reopened under warranty");
    assertTold(day, "back to L1 First line for follow-up");
    assertTold(day, "handed off to purchasing");
    assertTold(day, "back from purchasing");
  }

  @Test
  void serviceLevelsAreMeasuredInBusinessTimeThroughTheDay() {
    String day = runTheDay();
    assertTold(day, "SLA breached: first response");
    assertTold(day, "[CLOSED, L1 First line, SLA standard 3/3 targets met]");
  }
}
