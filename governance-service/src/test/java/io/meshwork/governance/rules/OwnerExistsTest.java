package io.meshwork.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerExistsTest {

  private final Rule rule = Policies.rule("owner_exists", "");

  private Check check(Evidence.OwnerLookup lookup) {
    return rule.check(Policies.customer360(), new Evidence(Map.of(), lookup));
  }

  @Test
  void asksTheDirectory() {
    assertThat(rule.needs().owner()).isTrue();
  }

  @Test
  void passesForAKnownUserOrGroup() {
    Check check =
        check(
            new Evidence.OwnerLookup(
                true, true, "Keycloak group /data-team <data-team@company.com>"));

    assertThat(check.met()).isTrue();
    assertThat(check.evidence()).isEqualTo("Keycloak group /data-team <data-team@company.com>");
  }

  @Test
  void failsForAnUnknownOwner() {
    Check check = check(new Evidence.OwnerLookup(true, false, "none"));

    assertThat(check.met()).isFalse();
    assertThat(check.evidence()).isEqualTo("data-team@company.com is no Keycloak user or group");
  }

  @Test
  void failsWithoutBlamingTheProductWhenTheDirectoryIsAway() {
    Check check = check(new Evidence.OwnerLookup(false, false, "the directory did not answer"));

    assertThat(check.met()).isFalse();
    assertThat(check.remediation()).startsWith("Nothing to change in the product");
  }
}
