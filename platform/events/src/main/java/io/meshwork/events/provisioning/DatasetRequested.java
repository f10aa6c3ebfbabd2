package io.meshwork.events.provisioning;

import java.time.Instant;
import java.util.UUID;

/** A domain team asked for a dataset; provisioning has recorded the request. */
public record DatasetRequested(
    UUID datasetId,
    String domain,
    String name,
    String storage,
    String schema,
    String requestedBy,
    Instant requestedAt) {}
