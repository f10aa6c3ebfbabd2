package io.meshwork.contracts.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.contracts.registry.CompatibilityIssue;
import io.meshwork.contracts.registry.ParsedSchema;
import io.meshwork.contracts.registry.RegistryException;
import io.meshwork.contracts.registry.SchemaReference;
import io.meshwork.contracts.registry.SchemaType;
import io.meshwork.web.problem.ParserMessages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON Schema document, checked against its meta-schema when registered. */
public final class JsonSchema implements ParsedSchema {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String canonical;
  private final List<SchemaReference> references;
  private final SchemaDocument withReferences;

  private JsonSchema(
      JsonNode document, List<SchemaReference> references, List<ParsedSchema> referenced) {
    this.canonical = document.toString();
    this.references = List.copyOf(references);
    Map<String, SchemaDocument> named = new LinkedHashMap<>();
    for (int i = 0; i < references.size() && i < referenced.size(); i++) {
      if (referenced.get(i) instanceof JsonSchema other) {
        named.put(references.get(i).name(), other.withReferences);
      }
    }
    this.withReferences = new SchemaDocument(document, Map.copyOf(named));
  }

  /**
   * Parses {@code text}; {@code referenced} are the schemas its references point at, in the same
   * order, so that {@code $ref}s into them are followed when checking compatibility.
   */
  public static JsonSchema parse(
      String text, List<SchemaReference> references, List<ParsedSchema> referenced) {
    JsonNode document;
    try {
      document = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw RegistryException.invalidSchema(
          "Invalid schema of type JSON: " + ParserMessages.notJson(e));
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
    return new JsonSchema(document, references, referenced);
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
      return List.of(CompatibilityIssue.typeChanged("#", writer, this));
    }
    return JsonSchemaCompatibility.readIssues(withReferences, other.withReferences);
  }
}
