package io.meshwork.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequiredMetadataTest {

  private final Rule rule =
      Policies.rule(
          "required_metadata",
          "fields = [\"product.description\", \"schema[*].description\", \"service.freshness\"]");

  @Test
  void namesEveryMissingPath() {
    Check check =
        rule.check(
            Policies.product(
                "product: {name: p, domain: d, description: ''}\n"
                    + "schema: [{name: a, description: A}, {name: b}]"),
            Evidence.NONE);

    assertThat(check.met()).isFalse();
    assertThat(check.evidence())
        .isEqualTo(
            "missing or empty: product.description, schema[1].description, service.freshness");
  }

  @Test
  void passesOnTheSeedsProductWhenItsPathsArePresent() {
    Rule seedPaths =
        Policies.rule(
            "required_metadata", "fields = [\"product.owner\", \"schema[*].description\"]");

    Check check = seedPaths.check(Policies.customer360(), Evidence.NONE);

    assertThat(check.met()).isTrue();
    assertThat(check.evidence()).isEqualTo("present: product.owner, schema[*].description");
  }
}
