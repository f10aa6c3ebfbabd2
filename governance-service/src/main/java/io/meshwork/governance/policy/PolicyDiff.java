package io.meshwork.governance.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a policy document, policy by policy and rule by rule:
 * policies added or removed, enforcement levels, descriptions, rules added, removed or with other
 * parameters (before and after).
 */
public record PolicyDiff(String document, int from, int to, List<Change> changes) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(
      String policy, String rule, String change, JsonNode before, JsonNode after) {}

  public static PolicyDiff between(String document, PolicyVersion from, PolicyVersion to) {
    Map<String, JsonNode> before = byKey(from.policies, "name");
    Map<String, JsonNode> after = byKey(to.policies, "name");
    List<Change> changes = new ArrayList<>();
    before.forEach(
        (name, policy) -> {
          if (!after.containsKey(name)) {
            changes.add(new Change(name, null, "policy-removed", policy, null));
          }
        });
    after.forEach(
        (name, policy) -> {
          JsonNode old = before.get(name);
          if (old == null) {
            changes.add(new Change(name, null, "policy-added", null, policy));
            return;
          }
          field(changes, name, "enforcement", old, policy);
          field(changes, name, "description", old, policy);
          rules(changes, name, byKey(old.path("rules"), "id"), byKey(policy.path("rules"), "id"));
        });
    return new PolicyDiff(document, from.version(), to.version(), changes);
  }

  private static void field(
      List<Change> changes, String policy, String key, JsonNode old, JsonNode now) {
    if (!Objects.equals(old.get(key), now.get(key))) {
      changes.add(new Change(policy, null, key + "-changed", old.get(key), now.get(key)));
    }
  }

  private static void rules(
      List<Change> changes,
      String policy,
      Map<String, JsonNode> before,
      Map<String, JsonNode> after) {
    before.forEach(
        (id, rule) -> {
          if (!after.containsKey(id)) {
            changes.add(new Change(policy, id, "rule-removed", rule, null));
          }
        });
    after.forEach(
        (id, rule) -> {
          JsonNode old = before.get(id);
          if (old == null) {
            changes.add(new Change(policy, id, "rule-added", null, rule));
          } else if (!old.equals(rule)) {
            changes.add(new Change(policy, id, "rule-changed", old, rule));
          }
        });
  }

  private static Map<String, JsonNode> byKey(JsonNode array, String key) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    array.forEach(item -> byKey.put(item.path(key).asText(), item));
    return byKey;
  }
}
