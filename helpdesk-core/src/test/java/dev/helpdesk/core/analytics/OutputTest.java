package dev.helpdesk.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Channel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every report prints as a table, exports CSV, and the pictures are SVG documents a browser opens. */
class OutputTest {
  private static DeskReport report;

  @BeforeAll
  static void playTheWeek() {
    report = new AWeekInMadrid().play().desk.analytics().report(AWeekInMadrid.MONDAY, AWeekInMadrid.NEXT_MONDAY);
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> lines(String csv) {
    return csv.lines().toList();
  }

  @Test
  void theTrafficHeatmapHasACellForEveryHourOfTheWeek() throws Exception {
    Document svg = parse(report.traffic().toSvg());
    Element root = svg.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
    // A cell carries its tooltip; the legend's swatches and the background do not.
    int cells = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      if (rects.item(i).getFirstChild() != null) {
        cells++;
      }
    }
    assertEquals(HourOfWeek.COUNT, cells);
    assertTrue(report.traffic().toSvg().contains("<title>Mon 09: 2 contacts/h</title>"));
  }

  @Test
  void theQueueAndBacklogChartsAreWellFormed() throws Exception {
    for (Map.Entry<String, String> chart : report.charts().entrySet()) {
      Document svg = parse(chart.getValue());
      assertEquals("svg", svg.getDocumentElement().getLocalName(), chart.getKey());
    }
    assertEquals(List.of("traffic.svg", "queue.svg", "backlog.svg"), List.copyOf(report.charts().keySet()));
    assertTrue(report.kpis().backlogSvg().contains("over 30 days"));
    assertEquals(1, parse(report.queue().toSvg(AWeekInMadrid.MADRID))
        .getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength() - 1);
  }

  @Test
  void csvHasAHeaderAndOneRowPerFigure() {
    List<String> traffic = lines(report.traffic().toCsv());
    assertEquals("channel,day,hour,contacts,occurrences,per_hour", traffic.get(0));
    // 168 rows for all channels, then one per channel and hour with contacts.
    assertEquals(1 + 168 + 5, traffic.size());
    assertTrue(traffic.contains("PHONE,MONDAY,9,2,1,2"), traffic.toString());

    List<String> queue = lines(report.queue().toCsv());
    assertEquals(1 + 7 * 48, queue.size());
    assertTrue(lines(report.queue().toStatsCsv()).contains(
        "ALL,7,4,2,1,0,1,1,32.5,0.333333,0.25,0.333333,0.166667,60,3,0,1,2"));

    List<String> technicians = lines(report.technicians().toCsv());
    assertEquals(1 + 4, technicians.size());
    assertTrue(technicians.get(1).startsWith("lucia,Lucía,1,2,2,2,1,210,765,"), technicians.get(1));

    List<String> kpis = lines(report.kpis().toCsv());
    assertTrue(kpis.contains("first_contact_resolution_gross,0.4,2,5"), kpis.toString());
    assertTrue(kpis.contains("sla_attainment,,0,0"), "no agreements tracked: no value");

    List<String> trends = lines(report.trends().toCsv());
    assertTrue(trends.contains("category,printing,2026-03-02,2"), trends.toString());
  }

  @Test
  void aCsvCellWithACommaOrQuoteIsQuoted() {
    assertEquals("name,note\n\"Pérez, Ana\",\"she said \"\"hi\"\"\"\n",
        new Csv("name", "note").row("Pérez, Ana", "she said \"hi\"").toString());
    assertEquals("0.333333", Csv.number(1.0 / 3));
    assertEquals("", Csv.number(Double.NaN));
  }

  @Test
  void tablesAlignTheirColumns() {
    String table = new TextTable("who", "solved").row("lucia", 12).row("pablo", 7).toString();
    assertEquals("who    solved\n-----  ------\nlucia      12\npablo       7\n", table);
  }

  @Test
  void aStaffingPlanPrintsExportsAndDrawsItself() throws Exception {
    StaffingPlan plan = Staffing.to(ServiceTarget.answeredWithin(0.8, Duration.ofSeconds(20)))
        .plan(report.traffic(), Set.of(Channel.PHONE), Duration.ofMinutes(4), Optional.empty());
    assertEquals(1 + 168, lines(plan.toCsv()).size());
    assertTrue(plan.toString().contains("Agent-hours a week"), plan.toString());
    assertEquals("svg", parse(plan.toSvg()).getDocumentElement().getLocalName());
  }

  @Test
  void textInChartsIsEscaped() {
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Svg.escape("a <b> & \"c\""));
  }
}
