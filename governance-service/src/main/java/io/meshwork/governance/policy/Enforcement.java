package io.meshwork.governance.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How much a policy's failed rule weighs, after HashiCorp Sentinel's levels: a hard mandate blocks;
 * a soft mandate blocks unless a governance-board member overrides it with a reason; soft guidance
 * only warns.
 */
public enum Enforcement {
  HARD_MANDATE("hard-mandate"),
  SOFT_MANDATE("soft-mandate"),
  SOFT_GUIDANCE("soft-guidance");

  private final String level;

  Enforcement(String level) {
    this.level = level;
  }

  @JsonValue
  public String level() {
    return level;
  }

  public boolean blocks() {
    return this != SOFT_GUIDANCE;
  }

  public static Optional<Enforcement> of(String level) {
    return Arrays.stream(values()).filter(e -> e.level.equals(level)).findFirst();
  }

  public static List<String> levels() {
    return Arrays.stream(values()).map(Enforcement::level).toList();
  }
}
