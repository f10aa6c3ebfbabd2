package io.meshwork.events.contracts;

import java.time.Instant;

/** A contract version was stored (new contract or new version). */
public record ContractVersionCreated(
    String contractId,
    String version,
    String domain,
    String status,
    String sourceFormat,
    int breakingChanges,
    String createdBy,
    Instant createdAt) {}
