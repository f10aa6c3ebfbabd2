package io.meshwork.events.governance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Governance's decision on a submitted product version: {@code APPROVED} or {@code
 * CHANGES_REQUESTED}, by a board member or at once by a failing hard mandate ({@code decidedBy}
 * {@code governance-service}), with the findings that say what to fix.
 */
public record ReviewDecided(
    UUID reviewId,
    String product,
    String domain,
    String version,
    int round,
    String decision,
    String decidedBy,
    String comment,
    List<Finding> findings,
    Instant decidedAt) {

  public static final String APPROVED = "APPROVED";
  public static final String CHANGES_REQUESTED = "CHANGES_REQUESTED";

  /** One rule's outcome: {@code passed}, {@code warned}, {@code failed} or {@code overridden}. */
  public record Finding(
      String policy,
      String rule,
      String enforcement,
      String outcome,
      String evidence,
      String remediation) {}
}
