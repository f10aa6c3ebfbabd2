package io.meshwork.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamingPatternTest {

  @Test
  void checksTheProductNameByDefault() {
    Rule rule = Policies.rule("naming_pattern", "pattern = \"^[a-z]+_[0-9]+$\"");

    assertThat(rule.check(Policies.customer360(), Evidence.NONE).met()).isTrue();
    Check wrong =
        rule.check(Policies.product("product: {name: customers, domain: d}"), Evidence.NONE);
    assertThat(wrong.met()).isFalse();
    assertThat(wrong.evidence()).isEqualTo("product.name [customers] do not match ^[a-z]+_[0-9]+$");
    assertThat(wrong.remediation()).isEqualTo("Rename customers to match ^[a-z]+_[0-9]+$.");
  }

  @Test
  void checksEveryFieldName() {
    Rule rule =
        Policies.rule("naming_pattern", "target = \"schema.name\"\n pattern = \"^[a-z_]+$\"");

    Check check =
        rule.check(
            Policies.product(
                "product: {name: p, domain: d}\nschema: [{name: ok_name}, {name: BadName}]"),
            Evidence.NONE);

    assertThat(check.met()).isFalse();
    assertThat(check.evidence()).isEqualTo("schema.name [BadName] do not match ^[a-z_]+$");
  }
}
