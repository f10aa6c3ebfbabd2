package io.meshwork.contracts.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.Problem.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SuiteReaderTest {

  @Test
  void theSeedsSuiteReadsVerbatim() {
    SuiteReader.Suite suite = SuiteReader.read(QualitySuiteResourceTest.SEED_SUITE, true);
    assertThat(suite.dataset()).isEmpty();
    assertThat(suite.expectations())
        .extracting(Expectation::checkName)
        .containsExactly(
            "expect_table_row_count_to_be_between",
            "expect_column_values_to_not_be_null:customer_id",
            "expect_column_values_to_be_unique:email");
    assertThat(suite.expectations().get(0).arguments().path("max_value").asInt()).isEqualTo(20000);
    assertThat(suite.expectations()).allMatch(e -> e.validation().equals("customer_dim_checks"));
  }

  @Test
  void jsonAndOurOwnKeysReadToo() {
    SuiteReader.Suite suite =
        SuiteReader.read(
            """
            {"dataset":"sales/orders","schedule":"30m","validations":[{"name":"v","expectations":[
              {"expect_column_values_to_be_in_set":{"column":"status","value_set":["A","B"]}},
              {"expect_table_row_count_to_match_baseline":{"tolerance":0.1,"runs":3}},
              {"expect_consumer_group_lag_to_be_below":{"group":"g","max_lag":100}}]}]}
            """,
            false);
    assertThat(suite.dataset()).contains("sales/orders");
    assertThat(suite.schedule()).contains(Duration.ofMinutes(30));
    assertThat(suite.expectations()).hasSize(3);
  }

  @Test
  void everyWrongPartIsNamedAtOnce() {
    assertThatThrownBy(
            () ->
                SuiteReader.read(
                    """
                    schedule: often
                    colour: blue
                    validations:
                      - expectations:
                          - expect_column_values_to_be_between: {column: "a b", min_value: 5, max_value: 1}
                          - expect_column_values_to_be_in_set: {column: s, value_set: []}
                          - expect_table_row_count_to_match_baseline: {tolerance: 120%}
                          - expect_consumer_group_lag_to_be_below: {group: g}
                          - expect_table_to_reconcile_with: {source: nowhere, batch_date: 15/11/2023}
                          - {expect_column_to_exist: {column: a}, expect_column_values_to_be_unique: {column: a}}
                    """,
                    true))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder(
                        "colour",
                        "schedule",
                        "validations[0].name",
                        "validations[0].expectations[0].expect_column_values_to_be_between.column",
                        "validations[0].expectations[0].expect_column_values_to_be_between.min_value",
                        "validations[0].expectations[1].expect_column_values_to_be_in_set.value_set",
                        "validations[0].expectations[2].expect_table_row_count_to_match_baseline.tolerance",
                        "validations[0].expectations[3].expect_consumer_group_lag_to_be_below.max_lag",
                        "validations[0].expectations[4].expect_table_to_reconcile_with.source",
                        "validations[0].expectations[4].expect_table_to_reconcile_with.batch_date",
                        "validations[0].expectations[4].expect_table_to_reconcile_with.date_column",
                        "validations[0].expectations[5]"));
  }

  @Test
  void aProductsSpecBecomesExpectations() throws Exception {
    JsonNode spec =
        new ObjectMapper()
            .readTree(
                """
                {"schema":[{"name":"id","type":"string","constraints":{"required":true}},
                           {"name":"total","type":"decimal(12,2)","constraints":{"min":0}},
                           {"name":"created_at","type":"timestamp"},{"name":"updated_at","type":"timestamp"}],
                 "service":{"freshness":"24h"}}
                """);
    assertThat(ProductSuites.expectations(spec).toString())
        .isEqualTo(
            "[{\"expect_column_values_to_not_be_null\":{\"column\":\"id\"}},"
                + "{\"expect_column_values_to_be_between\":{\"column\":\"total\",\"min_value\":0}},"
                + "{\"expect_table_data_to_be_fresh\":{\"column\":\"updated_at\",\"max_age\":\"24h\"}}]");
  }
}
