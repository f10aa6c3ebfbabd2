package io.meshwork.contracts.contract.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The changes one comparison found, in the order found, and what the comparing parts share. */
final class Changes {

  private final List<ContractChange> found = new ArrayList<>();

  void add(
      Severity severity, String kind, String path, String before, String after, String message) {
    found.add(new ContractChange(severity, kind, path, before, after, message));
  }

  List<ContractChange> list() {
    return found;
  }

  /** The items of a list by one of their fields; of two items with the same key the later wins. */
  static Map<String, JsonNode> byKey(JsonNode list, String key) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    if (list != null && list.isArray()) {
      for (JsonNode item : list) {
        result.put(item.path(key).asText(), item);
      }
    }
    return result;
  }

  static String text(JsonNode node) {
    return node == null ? null : node.isTextual() ? node.asText() : node.toString();
  }
}
