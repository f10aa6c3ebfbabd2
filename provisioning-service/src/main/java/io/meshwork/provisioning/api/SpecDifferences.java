package io.meshwork.provisioning.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.provisioning.dataset.DatasetSpec;
import io.meshwork.web.problem.Problem.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** How a repeated request differs from the dataset that already has its name (for the 409). */
final class SpecDifferences {

  private SpecDifferences() {}

  static List<Violation> between(DatasetSpec existing, DatasetSpec requested) {
    List<Violation> differences = new ArrayList<>();
    compare(differences, "storage", existing.storage(), requested.storage());
    compare(differences, "schema", existing.schema(), requested.schema());
    compare(
        differences, "schemaDefinition", existing.schemaDefinition(), requested.schemaDefinition());
    compare(differences, "description", existing.description(), requested.description());
    compare(differences, "owner", existing.owner(), requested.owner());
    compare(differences, "classification", existing.classification(), requested.classification());
    compare(differences, "retention", existing.retentionMillis(), requested.retentionMillis());
    compare(differences, "partitions", existing.partitions(), requested.partitions());
    compare(differences, "cleanupPolicy", existing.cleanupPolicy(), requested.cleanupPolicy());
    compare(differences, "tags", existing.tags(), requested.tags());
    return differences;
  }

  private static void compare(
      List<Violation> differences, String field, Object existing, Object requested) {
    existing = normal(existing);
    requested = normal(requested);
    if (!Objects.equals(existing, requested)) {
      differences.add(
          new Violation(
              field, "is " + existing + " on the existing dataset, requested " + requested));
    }
  }

  /** A JSON null read back from the stored spec is the same as a field the request left out. */
  private static Object normal(Object value) {
    return value instanceof JsonNode json && (json.isNull() || json.isMissingNode()) ? null : value;
  }
}
