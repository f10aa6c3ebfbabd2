package io.meshwork.events.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A quality suite ran against {@code dataset} ({@code domain/name}), an output port of {@code
 * product} when one is published with it. {@code outcome} is passed, warning or failed; {@code
 * freshnessSeconds} the age of the newest data where the suite measures it (null otherwise); {@code
 * failures} the checks that did not pass. {@code trigger} is scheduled or on-demand.
 */
public record QualityRunCompleted(
    UUID runId,
    String suite,
    String dataset,
    String domain,
    String product,
    String outcome,
    int passed,
    int warnings,
    int failed,
    Double freshnessSeconds,
    List<FailedCheck> failures,
    String trigger,
    Instant finishedAt) {

  /** A check that warned or failed: its name, status, and what it measured against what. */
  public record FailedCheck(String check, String status, String message) {}
}
