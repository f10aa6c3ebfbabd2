package io.meshwork.contracts.contract.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One quality rule's result: what was measured, against which threshold, the (read-only) SQL that
 * measured it, and for a failed row-level rule a few of the failing rows ({@code sample}, as JSON
 * objects; none otherwise).
 */
public record CheckResult(
    String rule,
    String object,
    String property,
    String metric,
    String status,
    Double measured,
    String unit,
    String threshold,
    String sql,
    String message,
    List<JsonNode> sample) {

  public static final String PASSED = "passed";
  public static final String WARNING = "warning";
  public static final String FAILED = "failed";

  /** The same result without its sample of rows (for callers outside the data's domain). */
  public CheckResult withoutSample() {
    return sample.isEmpty()
        ? this
        : new CheckResult(
            rule, object, property, metric, status, measured, unit, threshold, sql, message,
            List.of());
  }
}
