package io.meshwork.provisioning.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A request with every default filled in: two requests are "the same" exactly when their specs are
 * equal (idempotency), and the dataset is provisioned from it.
 */
public record DatasetSpec(
    String name,
    String domain,
    String storage,
    String schema,
    JsonNode schemaDefinition,
    String description,
    String owner,
    String classification,
    String retention,
    long retentionMillis,
    int partitions,
    String cleanupPolicy,
    List<String> tags) {}
