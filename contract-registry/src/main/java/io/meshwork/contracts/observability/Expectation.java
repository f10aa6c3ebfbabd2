package io.meshwork.contracts.observability;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One expectation of a suite: its kind ({@code expect_column_values_to_not_be_null}), its
 * arguments, and its place in the document ({@code validations[0].expectations[1]}), which names it
 * in results and metrics together with its column.
 */
public record Expectation(String validation, String kind, JsonNode arguments, String path) {

  /** The check's name in results and in the {@code check} label: kind, and column if any. */
  public String checkName() {
    String column = arguments.path("column").asText("");
    return column.isEmpty() ? kind : kind + ":" + column;
  }
}
