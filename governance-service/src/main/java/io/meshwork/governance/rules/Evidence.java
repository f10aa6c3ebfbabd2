package io.meshwork.governance.rules;

import java.util.Map;

/**
 * What was measured or looked up about a product before its rules ran, so that the rules stay pure
 * and cheap: completeness per field (share of non-null values, and where it was measured) and the
 * directory's answer about the owner.
 */
public record Evidence(Map<String, Completeness> completeness, OwnerLookup owner) {

  public static final Evidence NONE = new Evidence(Map.of(), null);

  public Evidence {
    completeness = Map.copyOf(completeness);
  }

  /** {@code nonNull} of {@code rows} values were present; {@code source} says where, when. */
  public record Completeness(double nonNull, long rows, String source) {}

  /**
   * The directory's answer: {@code found} says whether the owner is a user or group, {@code detail}
   * which one; {@code reachable} is false when the directory could not be asked.
   */
  public record OwnerLookup(boolean reachable, boolean found, String detail) {}
}
