package io.meshwork.events.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What provisioning-service did on the real storage for an access request: each grant (or its
 * revocation) with its outcome. {@code complete} is true when every grant succeeded.
 */
public record GrantsChanged(
    UUID requestId, String principal, boolean complete, List<Grant> grants, Instant at) {

  /**
   * One dataset's grant: {@code kind} {@code postgres-table}, {@code kafka-topic} or {@code
   * s3-prefix}; {@code privileges} as applied ({@code SELECT (customer_id, segment)}); {@code
   * outcome} {@code APPLIED}, {@code REVOKED} or {@code FAILED} with a public {@code detail}.
   */
  public record Grant(
      String dataset,
      String kind,
      String resource,
      String privileges,
      String outcome,
      String detail) {}
}
