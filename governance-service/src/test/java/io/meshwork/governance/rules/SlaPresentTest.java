package io.meshwork.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlaPresentTest {

  @Test
  void theSeedsProductStatesAllThreeLevels() {
    Check check = Policies.rule("sla_present", "").check(Policies.customer360(), Evidence.NONE);

    assertThat(check.met()).isTrue();
    assertThat(check.evidence()).isEqualTo("availability 99.95%, freshness 24h, latency 1h");
  }

  @Test
  void namesTheMissingLevels() {
    Check check =
        Policies.rule("sla_present", "")
            .check(
                Policies.product("product: {name: p, domain: d}\nservice: {freshness: 1h}"),
                Evidence.NONE);

    assertThat(check.met()).isFalse();
    assertThat(check.remediation())
        .isEqualTo("State service.availability, service.latency in the product's spec.");
  }

  @Test
  void holdsTheProductToTheBounds() {
    Rule rule =
        Policies.rule(
            "sla_present",
            "min_availability = \"99.99%\"\n max_freshness = \"12h\"\n max_latency = \"2h\"");

    Check check = rule.check(Policies.customer360(), Evidence.NONE);

    assertThat(check.met()).isFalse();
    assertThat(check.evidence())
        .isEqualTo(
            "availability 99.95%, freshness 24h, latency 1h; below the bounds: availability 99.95%"
                + " < 99.99%, freshness 24h > PT12H");
  }
}
