package io.meshwork.catalog.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetResponse(
    UUID id,
    String name,
    String domain,
    String storage,
    String schema,
    String state,
    String owner,
    String classification,
    String description,
    JsonNode tags,
    JsonNode resources,
    String lastError,
    JsonNode drift,
    String requestedBy,
    Instant requestedAt,
    Instant provisionedAt,
    Instant deletedAt,
    Instant updatedAt) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static DatasetResponse of(Dataset dataset) {
    return new DatasetResponse(
        dataset.id,
        dataset.name,
        dataset.domain,
        dataset.storage,
        dataset.schemaUrn,
        dataset.state,
        dataset.owner,
        dataset.classification,
        dataset.description,
        json(dataset.tags),
        json(dataset.resources),
        dataset.lastError,
        json(dataset.drift),
        dataset.requestedBy,
        dataset.requestedAt,
        dataset.provisionedAt,
        dataset.deletedAt,
        dataset.updatedAt);
  }

  private static JsonNode json(String text) {
    try {
      return text == null ? null : JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("Stored JSON is unreadable", e);
    }
  }
}
