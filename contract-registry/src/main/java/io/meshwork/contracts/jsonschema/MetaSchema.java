package io.meshwork.contracts.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON Schema document against the meta-schema of the draft it declares (2020-12 if none).
 */
final class MetaSchema {

  private static final Map<SpecificationVersion, Schema> META =
      new EnumMap<>(SpecificationVersion.class);

  private MetaSchema() {}

  /** Each problem as {@code <JSON path in the document>: <reason>}; empty when valid. */
  static List<String> validate(JsonNode document) {
    if (document.isBoolean()) {
      return List.of();
    }
    SpecificationVersion version = declaredVersion(document);
    List<Error> errors = meta(version).validate(document);
    return errors.stream()
        .map(e -> locationOf(e) + ": " + e.getMessage())
        .distinct()
        .limit(20)
        .toList();
  }

  private static String locationOf(Error error) {
    String location = String.valueOf(error.getInstanceLocation());
    return location.isEmpty() ? "$" : location;
  }

  private static synchronized Schema meta(SpecificationVersion version) {
    return META.computeIfAbsent(
        version,
        v -> SchemaRegistry.withDefaultDialect(v).getSchema(SchemaLocation.of(v.getDialectId())));
  }

  private static SpecificationVersion declaredVersion(JsonNode document) {
    JsonNode declared = document.get("$schema");
    String uri = declared == null ? "" : declared.asText();
    if (uri.contains("draft-04")) {
      return SpecificationVersion.DRAFT_4;
    }
    if (uri.contains("draft-06")) {
      return SpecificationVersion.DRAFT_6;
    }
    if (uri.contains("draft-07")) {
      return SpecificationVersion.DRAFT_7;
    }
    if (uri.contains("2019-09")) {
      return SpecificationVersion.DRAFT_2019_09;
    }
    return SpecificationVersion.DRAFT_2020_12;
  }
}
