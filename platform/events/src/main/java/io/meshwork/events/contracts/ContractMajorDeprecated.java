package io.meshwork.events.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The last active version of a contract's major became deprecated while consumer agreements pin
 * that major: each of {@code agreements} is told the sunset date and the successor version to move
 * to, through a new access request.
 */
public record ContractMajorDeprecated(
    String contractId,
    String version,
    int major,
    String domain,
    Instant sunsetAt,
    String successor,
    String reason,
    List<Pinned> agreements,
    String by,
    Instant at) {

  /** An agreement on the deprecated major and who signed it. */
  public record Pinned(
      String agreementId, String accessRequest, String consumer, String consumerDomain) {}
}
