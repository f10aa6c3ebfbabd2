package io.meshwork.contracts.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Body of register, lookup and compatibility calls. Lenient about unknown fields (metadata,
 * ruleSet, ...) as Confluent clients send them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisterSchemaRequest(
    String schema, String schemaType, List<SchemaReference> references) {

  public List<SchemaReference> referencesOrEmpty() {
    return references == null ? List.of() : references;
  }
}
