package io.meshwork.contracts.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A JSON Schema document with the documents its Confluent references name: a {@code $ref} to {@code
 * customer.json#/$defs/Address} resolves in the document registered under the reference named
 * {@code customer.json}, and that document's own references resolve its further refs.
 */
public record SchemaDocument(JsonNode root, Map<String, SchemaDocument> references) {

  public static SchemaDocument alone(JsonNode root) {
    return new SchemaDocument(root, Map.of());
  }
}
