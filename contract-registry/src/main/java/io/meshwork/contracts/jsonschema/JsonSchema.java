package io.meshwork.contracts.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.contracts.registry.CompatibilityIssue;
import io.meshwork.contracts.registry.ParsedSchema;
import io.meshwork.contracts.registry.RegistryException;
import io.meshwork.contracts.registry.SchemaReference;
import io.meshwork.contracts.registry.SchemaType;
import java.util.List;

/** A JSON Schema document, checked against its meta-schema when registered. */
public final class JsonSchema implements ParsedSchema {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;
  private final String canonical;
  private final List<SchemaReference> references;

  private JsonSchema(JsonNode document, List<SchemaReference> references) {
    this.document = document;
    this.canonical = document.toString();
    this.references = List.copyOf(references);
  }

  public static JsonSchema parse(String text, List<SchemaReference> references) {
    JsonNode document;
    try {
      document = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw RegistryException.invalidSchema(
          "Invalid schema of type JSON: not JSON" + where + ": " + e.getOriginalMessage());
    }
    if (document == null || !(document.isObject() || document.isBoolean())) {
      throw RegistryException.invalidSchema(
          "Invalid schema of type JSON: a JSON Schema is an object or a boolean, got "
              + (document == null ? "nothing" : document.getNodeType()));
    }
    List<String> problems = MetaSchema.validate(document);
    if (!problems.isEmpty()) {
      throw RegistryException.invalidSchema(
          "Invalid schema of type JSON: " + String.join("; ", problems));
    }
    return new JsonSchema(document, references);
  }

  public JsonNode document() {
    return document;
  }

  @Override
  public SchemaType type() {
    return SchemaType.JSON;
  }

  @Override
  public String canonical() {
    return canonical;
  }

  @Override
  public List<SchemaReference> references() {
    return references;
  }

  @Override
  public List<CompatibilityIssue> readIssues(ParsedSchema writer) {
    if (!(writer instanceof JsonSchema other)) {
      return List.of(
          new CompatibilityIssue(
              "SCHEMA_TYPE_CHANGED",
              "#",
              "Incompatible because of different schema type",
              writer.type().name(),
              type().name(),
              "Keep the subject's schema type; register other types under another subject."));
    }
    return JsonSchemaCompatibility.readIssues(document, other.document);
  }
}
