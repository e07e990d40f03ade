package dev.helpdesk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main example tells the same day on every run, and the day it tells is the one the seeds describe. */
class HelpDeskDayTest {
  @TempDir
  static Path folder;

  private static String runTheDay() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new HelpDeskDay(out).run(folder);
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

  @Test
  void customersRatingsReachTheSatisfactionKpi() {
    String day = runTheDay();
    assertTold(day, "rated 2/5 by the customer              customer C-4       \"Half a morning without the VPN.\"");
    assertTold(day, "customer satisfaction (4s and 5s)                       75.0 % (3/4)");
    assertTold(day, "ratings 1/2/3/4/5                                          0/1/0/1/2");
  }

  @Test
  void thePhoneQueueReportsSixAnsweredCallsAndTwoMissedOnes() {
    String day = runTheDay();
    assertTold(day, "PHONE          8         6          2      0  24.2 s        25.0 %  50.0 %");
    // Every answered call is joined, by its call id, to the ticket it opened.
    assertTold(day, "Answered contacts that opened a ticket: 6, continued one: 0, left none: 0");
    assertTold(day, "PHONE           8  57.1 %");
  }

  @Test
  void theDayEndsWithTheKpiTrafficQueueTechnicianAndTrendReports() {
    String day = runTheDay();
    String reports = day.substring(day.indexOf("=== End of the day"));
    List<String> headings = List.of("KPI ", "Traffic ", "Queues ", "Technicians ", "Question trends ",
        "Staffing the phones", "Charts and tables written to ");
    int at = 0;
    for (String heading : headings) {
      int next = reports.indexOf("\n" + heading, at);
      assertTrue(next > at, () -> "\"" + heading + "\" should follow the reports before it:\n" + reports);
      at = next;
    }
    assertTold(day, "lucia Lucía    L1  4 (3.50)");
    assertTold(day, "Questions deflected by self-service: 1");
    assertTrue(!reports.contains("\nTue "), "a day's traffic leaves out the empty days of the week");
  }

  @Test
  void theStaffingPlanSchedulesThePhonesHourByHourFromTheDaysCalls() {
    String day = runTheDay();
    assertTold(day, "Staffing the phones to 80.0 % within 20 s (Erlang C, 6 min a call, shrinkage 30 %)");
    // Three calls at nine (one missed): two agents meet the target, three on the schedule after shrinkage.
    assertTold(day, "  09:00      3     0.30       2         3  96.4 % within 20 s");
    assertTold(day, "  13:00      0     0.00       0         0  no calls");
    assertTold(day, "Agent-hours a week on the schedule: 13, peak 3 agents");
  }

  @Test
  void theChartsAreWrittenToTheNamedFolderAsSvgDocuments() throws Exception {
    String day = runTheDay();
    assertTold(day, "Charts and tables written to " + folder.toAbsolutePath().normalize() + ":");
    for (String chart : List.of("traffic.svg", "queue.svg", "backlog.svg", "staffing.svg")) {
      String svg = Files.readString(folder.resolve(chart), StandardCharsets.UTF_8);
      assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), chart + " starts as SVG: " + svg);
      var root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(folder.resolve(chart).toFile())
          .getDocumentElement();
      assertEquals("svg", root.getTagName(), chart);
    }
    assertEquals("day,hour,contacts_per_hour,erlangs,agents,scheduled,service_level,asa_seconds,occupancy,abandonment",
        Files.readAllLines(folder.resolve("staffing.csv")).get(0));
    for (String table : List.of("kpis.csv", "traffic.csv", "queue.csv", "queue-stats.csv", "technicians.csv",
        "trends.csv")) {
      assertTrue(Files.readAllLines(folder.resolve(table)).size() > 1, table + " has a header and rows");
    }
  }

  @Test
  void aFolderThatCannotBeMadeIsNamedInTheError() throws IOException {
    Path inTheWay = Files.writeString(folder.resolve("not-a-folder"), "a file");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> new HelpDeskDay(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .run(inTheWay.resolve("reports")));
    assertTrue(e.getMessage().contains("cannot write the reports to " + inTheWay.resolve("reports").toAbsolutePath()),
        e.getMessage());
  }
}
