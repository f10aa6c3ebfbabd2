package io.meshwork.events.contracts;

import java.time.Instant;

/** A contract version moved in its lifecycle (draft, proposed, active, deprecated, retired). */
public record ContractStatusChanged(
    String contractId,
    String version,
    String domain,
    String from,
    String to,
    String actor,
    String reason,
    Instant changedAt) {}
