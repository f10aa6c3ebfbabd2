package io.meshwork.provisioning.dataset;

import java.time.Instant;
import java.util.UUID;

public record DatasetResponse(
    UUID id,
    String name,
    String domain,
    String storage,
    String schema,
    DatasetState state,
    String requestedBy,
    Instant createdAt,
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
        dataset.createdAt,
        dataset.updatedAt);
  }
}
