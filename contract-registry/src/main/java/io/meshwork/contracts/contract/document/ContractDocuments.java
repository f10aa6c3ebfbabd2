package io.meshwork.contracts.contract.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.meshwork.web.problem.ParserMessages;
import java.util.List;

/** Contract texts in either format (YAML or JSON) to trees and back. */
public final class ContractDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());
  private static final ObjectMapper PRETTY_JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ContractDocuments() {}

  /** The tree of a contract text; a syntax error is a violation at {@code $} with its place. */
  static JsonNode parse(String text, boolean yaml) {
    try {
      return (yaml ? YAML : JSON).readTree(text);
    } catch (JsonProcessingException e) {
      throw ContractDocumentException.of(List.of(ParserMessages.syntax(e, yaml)));
    }
  }

  public static String toYaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String toJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String toPrettyJson(JsonNode node) {
    try {
      return PRETTY_JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode readCanonical(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored contract is not JSON", e);
    }
  }
}
