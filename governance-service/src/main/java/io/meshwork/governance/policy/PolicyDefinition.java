package io.meshwork.governance.policy;

import io.meshwork.governance.rules.Rule;
import java.util.List;
import java.util.Map;

/** One {@code policy "name" { ... }} block, its rules compiled. */
public record PolicyDefinition(
    String name, Enforcement enforcement, String description, List<NamedRule> rules) {

  public PolicyDefinition {
    rules = List.copyOf(rules);
  }

  /**
   * A rule under its key in the policy's {@code rules} map ({@code null_check}): compiled, and its
   * parameters as written (strings, numbers, booleans, lists, maps), for display and diffs.
   */
  public record NamedRule(String id, Rule rule, Map<String, Object> params) {}
}
