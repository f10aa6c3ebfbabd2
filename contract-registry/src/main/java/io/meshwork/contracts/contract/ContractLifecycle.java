package io.meshwork.contracts.contract;

import java.util.List;
import java.util.Map;

/** draft -> proposed -> active -> deprecated -> retired, with the way back where it makes sense. */
final class ContractLifecycle {

  static final List<String> CREATABLE = List.of("draft", "proposed", "active");

  private static final Map<String, List<String>> NEXT =
      Map.of(
          "draft", List.of("proposed"),
          "proposed", List.of("active", "draft"),
          "active", List.of("deprecated"),
          "deprecated", List.of("active", "retired"),
          "retired", List.of());

  private ContractLifecycle() {}

  static List<String> next(String status) {
    return NEXT.getOrDefault(status, List.of());
  }

  static void requireAllowed(String from, String to) {
    if (!next(from).contains(to)) {
      throw ContractProblems.illegalTransition(from, to, next(from));
    }
  }
}
