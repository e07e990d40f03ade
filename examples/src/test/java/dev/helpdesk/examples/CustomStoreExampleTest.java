package dev.helpdesk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A desk runs on the vendor's roster: what the desk changes is what the roster holds. */
class CustomStoreExampleTest {
  @Test
  void theDeskRoutesAroundAnOfflineTechnicianKeptInTheVendorsRoster() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = System.out;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      CustomStoreExample.main(new String[0]);
    } finally {
      System.setOut(console);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(printed.contains("HD-1 was routed to lucia"), printed);
    assertTrue(printed.contains("pablo  Pablo  L1 First line  OFFLINE    version 2"), printed);
    assertEquals(1, printed.split("A stale save is refused", -1).length - 1, printed);
  }
}
