package io.meshwork.events.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A domain team asked for a dataset; provisioning has recorded the request. {@code storage} is the
 * canonical URI (defaults filled in); {@code schema} is a URN or null for an inline definition.
 */
public record DatasetRequested(
    UUID datasetId,
    String domain,
    String name,
    String storage,
    String schema,
    String requestedBy,
    Instant requestedAt,
    String owner,
    String classification,
    String description,
    List<String> tags) {}
