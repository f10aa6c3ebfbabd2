package io.meshwork.governance.evaluation;

import io.meshwork.governance.policy.Enforcement;
import io.meshwork.governance.policy.PolicyDefinition.NamedRule;
import io.meshwork.governance.rules.Check;
import io.meshwork.governance.rules.Evidence;
import io.meshwork.governance.rules.Needs;
import io.meshwork.governance.rules.ProductDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs policies' compiled rules on a product: pure and in memory (evidence is gathered before), so
 * that evaluating thousands of products costs little more than the rules themselves.
 */
public final class PolicyEngine {

  private PolicyEngine() {}

  /** What the rules of {@code policies} need gathered about a product. */
  public static Needs needs(List<ActivePolicy> policies) {
    Needs needs = Needs.NONE;
    for (ActivePolicy active : policies) {
      for (NamedRule rule : active.policy().rules()) {
        needs = needs.and(rule.rule().needs());
      }
    }
    return needs;
  }

  public static Result evaluate(
      List<ActivePolicy> policies, ProductDescriptor product, Evidence evidence) {
    List<Finding> findings = new ArrayList<>();
    for (ActivePolicy active : policies) {
      Enforcement enforcement = active.policy().enforcement();
      for (NamedRule named : active.policy().rules()) {
        Check check = named.rule().check(product, evidence);
        Outcome outcome =
            check.met()
                ? Outcome.PASSED
                : enforcement == Enforcement.SOFT_GUIDANCE ? Outcome.WARNED : Outcome.FAILED;
        findings.add(
            new Finding(
                active.policy().name(),
                named.id(),
                named.rule().kind(),
                enforcement,
                outcome,
                check.evidence(),
                check.remediation(),
                active.document(),
                active.version()));
      }
    }
    return new Result(findings);
  }

  /** The findings, and the verdict they add up to. */
  public record Result(List<Finding> findings) {

    public Result {
      findings = List.copyOf(findings);
    }

    public Outcome outcome() {
      return outcomeOf(findings);
    }

    public static Outcome outcomeOf(List<Finding> findings) {
      boolean warned = false;
      for (Finding finding : findings) {
        if (finding.outcome() == Outcome.FAILED) {
          return Outcome.FAILED;
        }
        warned |= finding.outcome() == Outcome.WARNED || finding.outcome() == Outcome.OVERRIDDEN;
      }
      return warned ? Outcome.WARNED : Outcome.PASSED;
    }

    public boolean hardFailure() {
      return findings.stream().anyMatch(Finding::hardFailure);
    }
  }
}
