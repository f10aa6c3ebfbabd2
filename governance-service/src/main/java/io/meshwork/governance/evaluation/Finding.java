package io.meshwork.governance.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.meshwork.governance.policy.Enforcement;

/**
 * One rule's result on a product: which policy (and which version of its document), the outcome,
 * the evidence (what was observed, against what) and, unless it passed, what to change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
    String policy,
    String rule,
    String kind,
    Enforcement enforcement,
    Outcome outcome,
    String evidence,
    String remediation,
    String document,
    int documentVersion) {

  /** A failed finding that stops the product until fixed or, for a soft mandate, overridden. */
  public boolean blocking() {
    return outcome == Outcome.FAILED && enforcement.blocks();
  }

  public boolean hardFailure() {
    return outcome == Outcome.FAILED && enforcement == Enforcement.HARD_MANDATE;
  }

  public Finding overridden() {
    return new Finding(
        policy,
        rule,
        kind,
        enforcement,
        Outcome.OVERRIDDEN,
        evidence,
        remediation,
        document,
        documentVersion);
  }
}
