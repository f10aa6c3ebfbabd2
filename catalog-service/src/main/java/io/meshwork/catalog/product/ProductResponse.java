package io.meshwork.catalog.product;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.catalog.health.ProductHealth;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A data product as the API shows it: its lifecycle, its current spec, the live state of the
 * provisioned datasets behind its output ports, and their health from the latest quality runs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductResponse(
    String name,
    String domain,
    String owner,
    ProductStatus status,
    String version,
    String publishedVersion,
    String description,
    List<String> tags,
    ServiceLevels serviceLevels,
    List<OutputPort> outputPorts,
    ProductHealth health,
    Deprecation deprecation,
    Set<ProductStatus> nextStatuses,
    int reviewRound,
    JsonNode spec,
    Instant createdAt,
    Instant updatedAt,
    Boolean changed) {

  public record ServiceLevels(String freshness, String availability, String latency) {}

  /**
   * A provisioned dataset ({@code domain/name}) holding the product's data: its state as
   * provisioning-service reports it ({@code MISSING} when no such dataset was requested), its real
   * resources and its last error.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OutputPort(
      String dataset, String state, JsonNode resources, String lastError, Instant provisionedAt) {}

  public record Deprecation(LocalDate sunsetAt, String successor, String reason) {}
}
