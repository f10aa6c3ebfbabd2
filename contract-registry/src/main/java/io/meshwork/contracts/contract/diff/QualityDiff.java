package io.meshwork.contracts.contract.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Quality rules by name: removed or added rules, and thresholds that tighten or loosen. */
final class QualityDiff {

  private final Changes changes;

  QualityDiff(Changes changes) {
    this.changes = changes;
  }

  void rules(String path, JsonNode before, JsonNode after) {
    Map<String, JsonNode> old = qualityByKey(before);
    Map<String, JsonNode> neu = qualityByKey(after);
    for (Map.Entry<String, JsonNode> entry : old.entrySet()) {
      String at = path + ".quality." + entry.getKey();
      JsonNode replacement = neu.get(entry.getKey());
      if (replacement == null) {
        changes.add(
            Severity.WARNING,
            "QUALITY_RULE_REMOVED",
            at,
            entry.getKey(),
            null,
            "consumers lose this guarantee");
        continue;
      }
      threshold(at, entry.getValue(), replacement);
    }
    for (String added : neu.keySet()) {
      if (!old.containsKey(added)) {
        changes.add(
            Severity.WARNING,
            "QUALITY_RULE_ADDED",
            path + ".quality." + added,
            null,
            added,
            "data must now pass this rule");
      }
    }
  }

  private void threshold(String path, JsonNode before, JsonNode after) {
    for (String operator : List.of("mustBeLessThan", "mustBeLessOrEqualTo")) {
      bound(path, before, after, operator, -1);
    }
    for (String operator : List.of("mustBeGreaterThan", "mustBeGreaterOrEqualTo")) {
      bound(path, before, after, operator, 1);
    }
    for (String operator : List.of("mustBe", "mustNotBe", "mustBeBetween", "mustNotBeBetween")) {
      if (!Objects.equals(before.get(operator), after.get(operator))) {
        changes.add(
            Severity.WARNING,
            "QUALITY_THRESHOLD_CHANGED",
            path + "." + operator,
            Changes.text(before.get(operator)),
            Changes.text(after.get(operator)),
            "the rule's threshold changes");
      }
    }
  }

  /** {@code direction} -1: a smaller limit is tighter; 1: a larger limit is tighter. */
  private void bound(String path, JsonNode before, JsonNode after, String operator, int direction) {
    JsonNode old = before.get(operator);
    JsonNode neu = after.get(operator);
    if (Objects.equals(old, neu)
        || old == null
        || neu == null
        || !old.isNumber()
        || !neu.isNumber()) {
      if (!Objects.equals(old, neu)) {
        changes.add(
            Severity.WARNING,
            "QUALITY_THRESHOLD_CHANGED",
            path + "." + operator,
            Changes.text(old),
            Changes.text(neu),
            "the rule's operator changes");
      }
      return;
    }
    boolean tighter =
        Integer.signum(Double.compare(neu.doubleValue(), old.doubleValue())) == direction;
    changes.add(
        tighter ? Severity.BREAKING : Severity.INFO,
        tighter ? "QUALITY_THRESHOLD_TIGHTENED" : "QUALITY_THRESHOLD_LOOSENED",
        path + "." + operator,
        Changes.text(old),
        Changes.text(neu),
        tighter ? "data that passed before may fail now" : "the rule accepts more");
  }

  private static Map<String, JsonNode> qualityByKey(JsonNode rules) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      String key =
          rule.hasNonNull("name")
              ? rule.get("name").asText()
              : rule.path("metric").asText("rule") + "#" + i;
      result.put(key, rule);
    }
    return result;
  }
}
