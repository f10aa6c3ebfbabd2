package io.meshwork.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NullCheckTest {

  private final Rule rule =
      Policies.rule(
          "null_check", "threshold = 0.95\n fields = [\"customer_id\", \"transaction_date\"]");

  private static Evidence completeness(double nonNull, long rows) {
    return new Evidence(
        Map.of("customer_id", new Evidence.Completeness(nonNull, rows, "counted in table w.m.c")),
        null);
  }

  @Test
  void asksForTheCompletenessOfItsFields() {
    assertThat(rule.needs().completenessOf())
        .containsExactlyInAnyOrder("customer_id", "transaction_date");
  }

  @Test
  void passesWhenEveryFieldTheProductHasIsFilledEnough() {
    Check check = rule.check(Policies.customer360(), completeness(0.97, 1000));

    assertThat(check.met()).isTrue();
    assertThat(check.evidence())
        .isEqualTo(
            "customer_id: 97.0% non-null of 1000 rows (counted in table w.m.c); threshold 95.0%"
                + " non-null");
  }

  @Test
  void failsBelowTheThresholdAndSaysWhatToFill() {
    Check check = rule.check(Policies.customer360(), completeness(0.9, 200));

    assertThat(check.met()).isFalse();
    assertThat(check.evidence()).startsWith("customer_id: 90.0% non-null of 200 rows");
    assertThat(check.remediation())
        .isEqualTo(
            "Fill customer_id (90.0%) in at least 95.0% of the rows: fix the pipeline that writes"
                + " them, then resubmit.");
  }

  @Test
  void failsWhenNothingWasMeasured() {
    Check check = rule.check(Policies.customer360(), Evidence.NONE);

    assertThat(check.met()).isFalse();
    assertThat(check.evidence()).isEqualTo("customer_id: not measured; threshold 95.0% non-null");
    assertThat(check.remediation()).startsWith("Measure customer_id: name an output port");
  }

  @Test
  void doesNotApplyToAProductWithNoneOfTheFields() {
    Check check =
        rule.check(
            Policies.product(
                "product: {name: p, domain: d}\nschema: [{name: order_id, type: string}]"),
            Evidence.NONE);

    assertThat(check.met()).isTrue();
    assertThat(check.evidence())
        .isEqualTo(
            "not applicable: the product has none of the fields [customer_id, transaction_date]");
  }
}
