package io.meshwork.contracts.registry;

import java.util.Locale;

/**
 * Confluent's compatibility levels. BACKWARD: the new schema reads data written with the previous
 * one; FORWARD: data written with the new schema is readable with the previous one; FULL: both. The
 * transitive variants check every live version, the others only the latest.
 */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  public boolean transitive() {
    return name().endsWith("_TRANSITIVE");
  }

  public boolean checksBackward() {
    return this == BACKWARD
        || this == BACKWARD_TRANSITIVE
        || this == FULL
        || this == FULL_TRANSITIVE;
  }

  public boolean checksForward() {
    return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
  }

  public static CompatibilityLevel parse(String value) {
    if (value != null) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException invalid) {
        // fall through
      }
    }
    throw new RegistryException(
        422,
        42203,
        "Invalid compatibility level. Valid values are none, backward, forward, full, "
            + "backward_transitive, forward_transitive, and full_transitive");
  }
}
