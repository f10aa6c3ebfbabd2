package io.meshwork.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GdprComplianceTest {

  private final Rule rule =
      Policies.rule("gdpr_compliance", "regions = [\"EU\", \"UK\"]\n retention_period = \"P1Y\"");

  private Check check(String productPart) {
    return rule.check(
        Policies.product("product: {name: p, domain: d" + productPart + "}"), Evidence.NONE);
  }

  @Test
  void passesWhenRetentionIsWithinThePeriod() {
    Check check = check(", regions: [EU], retention: P6M");

    assertThat(check.met()).isTrue();
    assertThat(check.evidence()).isEqualTo("served in [EU], keeps data P6M, within P1Y");
  }

  @Test
  void failsWhenDataIsKeptLonger() {
    Check check = check(", regions: [UK, US], retention: P2Y");

    assertThat(check.met()).isFalse();
    assertThat(check.evidence()).isEqualTo("served in [UK], keeps data P2Y, longer than P1Y");
    assertThat(check.remediation()).startsWith("Shorten product.retention to at most P1Y");
  }

  @Test
  void failsWhenAProductInTheRegionsStatesNoRetention() {
    Check check = check(", regions: [EU]");

    assertThat(check.met()).isFalse();
    assertThat(check.remediation()).isEqualTo("Add product.retention no longer than P1Y.");
  }

  @Test
  void failsWhenTheProductDeclaresNoRegions() {
    Check check = check("");

    assertThat(check.met()).isFalse();
    assertThat(check.evidence()).isEqualTo("the product declares no regions");
  }

  @Test
  void doesNotApplyOutsideTheRegions() {
    Check check = check(", regions: [US], retention: P5Y");

    assertThat(check.met()).isTrue();
    assertThat(check.evidence())
        .isEqualTo("not applicable: the product's regions [US] are outside [EU, UK]");
  }
}
