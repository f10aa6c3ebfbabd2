package io.meshwork.provisioning.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.events.provisioning.ResourceRef;
import io.meshwork.provisioning.dataset.Dataset;
import io.meshwork.provisioning.dataset.DatasetSpec;
import io.meshwork.provisioning.dataset.DatasetState;
import io.meshwork.provisioning.storage.DriftFinding;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dataset as the API shows it: its spec, state, real resources, timestamps, last error, drift.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetResponse(
    UUID id,
    String name,
    String domain,
    String storage,
    String schema,
    JsonNode schemaDefinition,
    String description,
    String owner,
    String classification,
    String retention,
    int partitions,
    String cleanupPolicy,
    List<String> tags,
    DatasetState state,
    List<Resource> resources,
    String lastError,
    int attempts,
    String requestedBy,
    Instant createdAt,
    Instant updatedAt,
    Instant provisionedAt,
    Instant deletedAt,
    List<DriftFinding> drift,
    Instant driftCheckedAt) {

  /** A real resource: kind, its real name, URI, and whether it exists (CREATED) or not. */
  public record Resource(String kind, String name, String uri, String status) {
    static Resource of(ResourceRef r) {
      return new Resource(r.kind(), r.name(), r.uri(), r.status());
    }
  }

  static DatasetResponse of(
      Dataset dataset, DatasetSpec spec, List<ResourceRef> resources, List<DriftFinding> drift) {
    return new DatasetResponse(
        dataset.id,
        dataset.name,
        dataset.domain,
        dataset.storage,
        dataset.schemaUrn,
        spec.schemaDefinition(),
        spec.description(),
        spec.owner(),
        spec.classification(),
        spec.retention(),
        spec.partitions(),
        spec.cleanupPolicy(),
        spec.tags(),
        dataset.state,
        resources.stream().map(Resource::of).toList(),
        dataset.lastError,
        dataset.attempts,
        dataset.requestedBy,
        dataset.createdAt,
        dataset.updatedAt,
        dataset.provisionedAt,
        dataset.deletedAt,
        drift,
        dataset.driftCheckedAt);
  }
}
