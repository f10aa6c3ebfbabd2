package io.meshwork.contracts.observability;

import io.meshwork.contracts.contract.testing.CheckResult;
import java.util.List;

/** Results of the checks this package runs itself (shape, volume, reconciliation, topics). */
final class Checked {

  private Checked() {}

  static CheckResult of(
      Expectation expectation,
      String object,
      String metric,
      boolean passed,
      Double measured,
      String unit,
      String threshold,
      String sql,
      String message) {
    return new CheckResult(
        expectation.checkName(),
        object,
        expectation.arguments().path("column").asText(null),
        metric,
        passed ? CheckResult.PASSED : CheckResult.FAILED,
        measured,
        unit,
        threshold,
        sql,
        message,
        List.of());
  }

  static CheckResult notRun(Expectation expectation, String object, String why) {
    return new CheckResult(
        expectation.checkName(),
        object,
        expectation.arguments().path("column").asText(null),
        expectation.kind(),
        CheckResult.FAILED,
        null,
        null,
        null,
        null,
        "not run: " + why,
        List.of());
  }
}
