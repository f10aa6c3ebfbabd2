package io.meshwork.contracts.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Stored suites (JSON) to trees and back, keys sorted so equal suites store equal text. */
final class SuiteDocuments {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private SuiteDocuments() {}

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored suite is not JSON", e);
    }
  }

  static String text(JsonNode tree) {
    try {
      return JSON.writeValueAsString(JSON.treeToValue(tree, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
