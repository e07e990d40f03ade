package dev.helpdesk.model;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the customer could tell about the system with the problem (D-04): as many details as they
 * can give. Unknown text details are empty strings, an unknown memory size is 0.
 */
public sealed interface SystemInformation {
  /**
   * Returns the details as one line for people to read.
   *
   * @return the known details, comma separated
   */
  String summary();

  /**
   * A computer problem: operating system, memory and how to find the machine.
   *
   * @param operatingSystem such as "Windows 11 23H2"
   * @param memoryMegabytes installed memory, 0 when unknown
   * @param hostName the machine's network name
   * @param assetTag the inventory tag on the machine
   */
  record Computer(
      @Size(max = 200) String operatingSystem,
      @PositiveOrZero long memoryMegabytes,
      @Size(max = 200) String hostName,
      @Size(max = 100) String assetTag)
      implements SystemInformation {
    // Trims the text and rejects a negative memory size or overlong text.
    public Computer {
      Checks checks = Checks.on(Computer.class);
      operatingSystem = checks.optionalText("operatingSystem", operatingSystem, 200);
      checks.atLeast("memoryMegabytes", memoryMegabytes, 0);
      hostName = checks.optionalText("hostName", hostName, 200);
      assetTag = checks.optionalText("assetTag", assetTag, 100);
      checks.done();
    }

    /**
     * Returns a computer known by its operating system and memory only.
     *
     * @param operatingSystem such as "Ubuntu 24.04"
     * @param memoryMegabytes installed memory, 0 when unknown
     * @return the system information
     */
    public static Computer of(String operatingSystem, long memoryMegabytes) {
      return new Computer(operatingSystem, memoryMegabytes, "", "");
    }

    @Override
    public String summary() {
      return join("OS", operatingSystem, "memory", memoryMegabytes == 0 ? "" : memoryMegabytes + " MB",
          "host", hostName, "asset", assetTag);
    }
  }

  /**
   * A telephone or voicemail problem: data about the telephone service.
   *
   * @param extension the internal extension number
   * @param line the external line or trunk
   * @param device the handset or softphone model
   * @param voicemailBox the voicemail box, when voicemail is concerned
   */
  record TelephoneService(
      @Size(max = 40) String extension,
      @Size(max = 80) String line,
      @Size(max = 120) String device,
      @Size(max = 40) String voicemailBox)
      implements SystemInformation {
    // Trims the text and rejects overlong values.
    public TelephoneService {
      Checks checks = Checks.on(TelephoneService.class);
      extension = checks.optionalText("extension", extension, 40);
      line = checks.optionalText("line", line, 80);
      device = checks.optionalText("device", device, 120);
      voicemailBox = checks.optionalText("voicemailBox", voicemailBox, 40);
      checks.done();
    }

    @Override
    public String summary() {
      return join("extension", extension, "line", line, "device", device, "voicemail", voicemailBox);
    }
  }

  /**
   * Anything else, as named details ("printer model" → "HP 4050").
   *
   * @param details the details by name, kept in name order
   */
  record Details(@Size(max = 50) Map<String, String> details) implements SystemInformation {
    // Copies the details in name order and rejects blank names or more than 50 entries.
    public Details {
      Checks checks = Checks.on(Details.class);
      Map<String, String> copy = checks.map("details", details);
      if (copy.size() > 50) {
        checks.fail("details", "must hold at most 50 entries, held " + copy.size());
      }
      for (Map.Entry<String, String> entry : copy.entrySet()) {
        if (entry.getKey().isBlank() || entry.getKey().length() > 80) {
        checks.fail("details", "names must be 1 to 80 characters: '" + entry.getKey() + "'");
      }
        if (entry.getValue().length() > 1000) {
        checks.fail("details[" + entry.getKey() + "]", "must be at most 1000 characters");
      }
      }
      checks.done();
      details = java.util.Collections.unmodifiableMap(new TreeMap<>(copy));
    }

    @Override
    public String summary() {
      StringBuilder out = new StringBuilder();
      details.forEach((name, value) -> out.append(out.length() == 0 ? "" : ", ").append(name).append(' ').append(value));
      return out.toString();
    }
  }

  private static String join(String... namesAndValues) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!namesAndValues[i + 1].isEmpty()) {
        out.append(out.length() == 0 ? "" : ", ").append(namesAndValues[i]).append(' ').append(namesAndValues[i + 1]);
      }
    }
    return out.toString();
  }
}
