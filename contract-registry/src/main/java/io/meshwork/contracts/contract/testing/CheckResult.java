package io.meshwork.contracts.contract.testing;

/**
 * One quality rule's result: what was measured, against which threshold, and the (read-only) SQL
 * that measured it.
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
    String message) {

  public static final String PASSED = "passed";
  public static final String WARNING = "warning";
  public static final String FAILED = "failed";
}
