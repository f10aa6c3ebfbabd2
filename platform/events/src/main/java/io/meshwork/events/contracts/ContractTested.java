package io.meshwork.events.contracts;

import java.time.Instant;
import java.util.UUID;

/** A contract's quality rules ran against its dataset; outcome is passed, warning or failed. */
public record ContractTested(
    UUID runId,
    String contractId,
    String version,
    String server,
    String outcome,
    int passed,
    int warnings,
    int failed,
    Instant finishedAt) {}
