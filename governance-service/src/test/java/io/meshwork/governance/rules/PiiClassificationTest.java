package io.meshwork.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiClassificationTest {

  private final Rule rule = Policies.rule("pii_classification", "");

  @Test
  void anUnclassifiedProductFails() {
    Check check = rule.check(Policies.customer360(), Evidence.NONE);

    assertThat(check.met()).isFalse();
    assertThat(check.evidence()).isEqualTo("the product has no product.classification");
  }

  @Test
  void personalLookingFieldsMustBeTagged() {
    Check check =
        rule.check(
            Policies.product(
                "product: {name: p, domain: d, classification: internal}\n"
                    + "schema: [{name: email_address}, {name: segment}]"),
            Evidence.NONE);

    assertThat(check.met()).isFalse();
    assertThat(check.evidence())
        .isEqualTo("fields [email_address] look personal but are not tagged pii");
  }

  @Test
  void personalDataNeedsAProtectedClassification() {
    String fields = "schema: [{name: email, tags: [pii]}]";

    Check internal =
        rule.check(
            Policies.product("product: {name: p, domain: d, classification: internal}\n" + fields),
            Evidence.NONE);
    Check confidential =
        rule.check(
            Policies.product(
                "product: {name: p, domain: d, classification: confidential}\n" + fields),
            Evidence.NONE);

    assertThat(internal.met()).isFalse();
    assertThat(internal.remediation())
        .isEqualTo("Classify the product as one of [confidential, restricted].");
    assertThat(confidential.met()).isTrue();
    assertThat(confidential.evidence())
        .isEqualTo("classified confidential, personal data [email] tagged pii");
  }
}
