package io.meshwork.governance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwork.governance.policy.PolicySet;
import io.meshwork.governance.rules.Evidence;
import io.meshwork.governance.rules.Policies;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

  /** One failing rule (the seed's product has no classification) at {@code level}. */
  private static PolicyEngine.Result unclassifiedAt(String level) {
    PolicySet set =
        Policies.READER.read(
            """
            policy "classified" {
              enforcement_level = "%s"
              rules = { "pii_classification" = {} }
            }
            policy "slas" {
              enforcement_level = "hard-mandate"
              rules = { "sla_present" = {} }
            }
            """
                .formatted(level));
    List<ActivePolicy> active =
        set.policies().stream().map(p -> new ActivePolicy("governance", 3, null, p)).toList();
    return PolicyEngine.evaluate(active, Policies.customer360(), Evidence.NONE);
  }

  @Test
  void aFailedHardMandateFailsAndBlocks() {
    PolicyEngine.Result result = unclassifiedAt("hard-mandate");

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.hardFailure()).isTrue();
    Finding finding = result.findings().get(0);
    assertThat(finding.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(finding.blocking()).isTrue();
    assertThat(finding.document()).isEqualTo("governance");
    assertThat(finding.documentVersion()).isEqualTo(3);
    assertThat(result.findings().get(1).outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void aFailedSoftMandateBlocksButIsNoHardFailure() {
    PolicyEngine.Result result = unclassifiedAt("soft-mandate");

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.hardFailure()).isFalse();
    assertThat(result.findings().get(0).blocking()).isTrue();
  }

  @Test
  void anOverriddenSoftMandateNoLongerBlocksButStillWarns() {
    Finding overridden = unclassifiedAt("soft-mandate").findings().get(0).overridden();

    assertThat(overridden.outcome()).isEqualTo(Outcome.OVERRIDDEN);
    assertThat(overridden.blocking()).isFalse();
    assertThat(PolicyEngine.Result.outcomeOf(List.of(overridden))).isEqualTo(Outcome.WARNED);
  }

  @Test
  void softGuidanceOnlyWarns() {
    PolicyEngine.Result result = unclassifiedAt("soft-guidance");

    assertThat(result.outcome()).isEqualTo(Outcome.WARNED);
    assertThat(result.findings().get(0).outcome()).isEqualTo(Outcome.WARNED);
    assertThat(result.findings().get(0).blocking()).isFalse();
    assertThat(result.findings().get(0).remediation()).startsWith("Classify the product");
  }

  @Test
  void theSeedsPoliciesOnTheSeedsProduct() {
    PolicySet set = Policies.READER.read(Policies.resource("/policies/governance.hcl"));
    List<ActivePolicy> active =
        set.policies().stream().map(p -> new ActivePolicy("governance", 1, null, p)).toList();

    PolicyEngine.Result result =
        PolicyEngine.evaluate(active, Policies.customer360(), Evidence.NONE);

    assertThat(result.findings())
        .extracting(Finding::policy, Finding::rule, Finding::outcome)
        .containsExactly(
            tuple("data_quality", "null_check", Outcome.FAILED),
            tuple("privacy", "gdpr_compliance", Outcome.WARNED));
    assertThat(result.hardFailure()).isTrue();
    assertThat(PolicyEngine.needs(active).completenessOf())
        .containsExactlyInAnyOrder("customer_id", "transaction_date");
  }
}
