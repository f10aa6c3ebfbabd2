package io.meshwork.catalog.dataset;

import java.time.Instant;
import java.util.UUID;

public record DatasetResponse(
    UUID id,
    String name,
    String domain,
    String storage,
    String schema,
    String state,
    String requestedBy,
    Instant requestedAt,
    Instant updatedAt) {

  static DatasetResponse of(Dataset dataset) {
    return new DatasetResponse(
        dataset.id,
        dataset.name,
        dataset.domain,
        dataset.storage,
        dataset.schemaUrn,
        dataset.state,
        dataset.requestedBy,
        dataset.requestedAt,
        dataset.updatedAt);
  }
}
