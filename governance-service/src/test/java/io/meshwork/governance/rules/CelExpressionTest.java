package io.meshwork.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.governance.policy.InvalidPolicyException;
import io.meshwork.web.problem.Problem.Violation;
import org.junit.jupiter.api.Test;

class CelExpressionTest {

  @Test
  void anExpressionOverTheSpecDecides() {
    Rule rule =
        Policies.rule(
            "cel",
            "expression = \"product.owner.endsWith('@company.com') && schema.all(f, has(f.description))\"\n"
                + " message = \"Describe every field\"");

    Check seed = rule.check(Policies.customer360(), Evidence.NONE);
    Check undescribed =
        rule.check(
            Policies.product(
                "product: {name: p, domain: d, owner: a@company.com}\nschema: [{name: x}]"),
            Evidence.NONE);

    assertThat(seed.met()).isTrue();
    assertThat(undescribed.met()).isFalse();
    assertThat(undescribed.evidence())
        .isEqualTo(
            "false: product.owner.endsWith('@company.com') && schema.all(f, has(f.description))");
    assertThat(undescribed.remediation()).isEqualTo("Describe every field");
  }

  @Test
  void aMissingKeyFailsTheRuleWithoutBreakingTheEvaluation() {
    Rule rule = Policies.rule("cel", "expression = \"product.regions.size() > 0\"");

    Check check = rule.check(Policies.customer360(), Evidence.NONE);

    assertThat(check.met()).isFalse();
    assertThat(check.evidence()).startsWith("could not be evaluated on this product (");
    assertThat(check.remediation())
        .startsWith("If the expression reads an optional key, test it with has(...)");
  }

  @Test
  void anExpressionThatDoesNotCompileIsRefusedWithItsPosition() {
    try {
      Policies.rule("cel", "expression = \"product.owner.endsWith(\"");
      throw new AssertionError("expected a refusal");
    } catch (InvalidPolicyException e) {
      Violation violation = e.violations().get(0);
      assertThat(violation.field()).isEqualTo("policy.p.rules.r.expression");
      assertThat(violation.message()).startsWith("does not compile: at 1:24 ");
    }
  }

  @Test
  void anExpressionMustBeBoolean() {
    try {
      Policies.rule("cel", "expression = \"size(schema)\"");
      throw new AssertionError("expected a refusal");
    } catch (InvalidPolicyException e) {
      assertThat(e.violations().get(0).message()).contains("expected type 'bool' but found 'int'");
    }
  }
}
