package io.meshwork.bench.support;

import java.util.HashMap;
import java.util.Map;

/** The environment a benchmark starts its service with, open to overrides for experiments. */
public final class ServiceSettings {

  private ServiceSettings() {}

  /**
   * The given settings, then {@code -Dbench.env.NAME=value} for each environment variable to set or
   * override, and {@code -Dbench.jfr=file} for a flight recording of the measured service.
   */
  public static Map<String, String> of(Map<String, String> defaults) {
    Map<String, String> settings = new HashMap<>(defaults);
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            key -> {
              if (key.startsWith("bench.env.")) {
                settings.put(key.substring("bench.env.".length()), System.getProperty(key));
              }
            });
    String recording = System.getProperty("bench.jfr");
    if (recording != null) {
      settings.put(
          "JAVA_TOOL_OPTIONS",
          "-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
    }
    return settings;
  }
}
