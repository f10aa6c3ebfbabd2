package io.meshwork.contracts.observability;

import static io.meshwork.contracts.observability.QualityFixtures.OWNER;
import static io.meshwork.contracts.observability.QualityFixtures.put;
import static io.meshwork.contracts.observability.QualityFixtures.putWhenKnown;
import static io.meshwork.contracts.observability.QualityFixtures.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.testing.InternalText;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's Great Expectations suite, verbatim, on a real table with known defects: 12 rows, one
 * null customer_id, one e-mail twice; stored runs, samples, events, authorization, bad suites.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class QualitySuiteResourceTest {

  /** The seed's "Contoh Great Expectations suite", as written. */
  static final String SEED_SUITE =
      """
      # Contoh Great Expectations suite
      validations:
        - name: customer_dim_checks
          expectations:
            - expect_table_row_count_to_be_between:
                min_value: 10000
                max_value: 20000
            - expect_column_values_to_not_be_null:
                column: customer_id
            - expect_column_values_to_be_unique:
                column: email
      """;

  private static String schema;
  private static String dataset;

  @BeforeAll
  static void table() throws Exception {
    schema = QualityFixtures.newSchema();
    QualityFixtures.sql(
        "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".customer_dim (customer_id text, email text, segment text)",
        "INSERT INTO "
            + schema
            + ".customer_dim SELECT 'c' || g, 'c' || g || '@x.io', 'retail'"
            + " FROM generate_series(1, 10) g",
        "INSERT INTO "
            + schema
            + ".customer_dim VALUES (NULL, 'n@x.io', 'retail'),"
            + " ('c11', 'c1@x.io', 'retail')");
    dataset = QualityFixtures.announceTable(schema, "customer_dim");
  }

  @Test
  void theSeedSuiteRunsVerbatimAndSaysWhatFailedWithSamples() {
    String suite = "customer-dim-" + schema;
    ExtractableResponse<Response> created = putWhenKnown(suite, dataset, SEED_SUITE);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.jsonPath().getString("dataset")).isEqualTo(dataset);
    assertThat(created.jsonPath().getInt("revision")).isEqualTo(1);
    put(OWNER, suite, dataset, SEED_SUITE).statusCode(200).body("revision", equalTo(1));

    JsonPath run = run(OWNER, suite).statusCode(201).extract().jsonPath();
    assertThat(run.getString("outcome")).isEqualTo("failed");
    assertThat(run.getLong("rowCount")).isEqualTo(12);
    Map<String, Map<String, Object>> byCheck = byCheck(run.getList("results"));
    assertThat(byCheck.get("expect_table_row_count_to_be_between"))
        .containsEntry("status", "failed")
        .containsEntry("measured", 12.0f)
        .containsEntry("threshold", "mustBeBetween: [10000, 20000]");
    Map<String, Object> notNull = byCheck.get("expect_column_values_to_not_be_null:customer_id");
    assertThat(notNull).containsEntry("status", "failed").containsEntry("measured", 1.0f);
    assertThat((List<?>) notNull.get("sample")).hasSize(1);
    assertThat(notNull.get("sample").toString()).contains("n@x.io");
    Map<String, Object> unique = byCheck.get("expect_column_values_to_be_unique:email");
    assertThat(unique).containsEntry("status", "failed").containsEntry("measured", 1.0f);
    assertThat(unique.get("sample").toString()).contains("c1@x.io");

    String ours = "find { it.id == '" + run.getString("id") + "' }";
    given()
        .auth()
        .oauth2(TestTokens.consumer("sales"))
        .queryParam("dataset", dataset)
        .when()
        .get("/api/v1/quality/runs")
        .then()
        .statusCode(200)
        // The scheduler runs the dataset's suites too (they are due at once): find ours by id.
        .body(ours + ".trigger", equalTo("on-demand"))
        // Another domain's caller sees what failed, not the rows: those are marketing's data.
        .body(ours + ".results.sample.flatten()", hasSize(0));
    given()
        .auth()
        .oauth2(OWNER)
        .queryParam("dataset", dataset)
        .when()
        .get("/api/v1/quality/runs")
        .then()
        .body(ours + ".results.sample.flatten()", hasSize(2));
    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic(ContractEvents.QUALITY_TOPIC),
                r ->
                    dataset.equals(r.key())
                        && r.value().contains(run.getString("id"))
                        && ContractEvents.QUALITY_RUN_COMPLETED
                            .type()
                            .equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20)))
        .isNotEmpty();
  }

  @Test
  void theOutboxBacklogIsAGaugeThatDrainsToZero() {
    String suite = "backlog-" + schema;
    assertThat(putWhenKnown(suite, dataset, SEED_SUITE).statusCode()).isEqualTo(201);
    run(OWNER, suite).statusCode(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                given()
                    .get("/q/metrics")
                    .asString()
                    .lines()
                    .anyMatch(line -> line.matches("meshwork_outbox_pending(\\{[^}]*\\})? 0\\.0")));
  }

  @Test
  void aProductsDatasetTellsGovernanceItsCompleteness() {
    String product = "customers_" + schema;
    QualityFixtures.published(
        product, dataset, "[{\"name\":\"customer_id\",\"type\":\"string\"}]", "{}");
    String suite = "completeness-" + schema;
    assertThat(putWhenKnown(suite, dataset, SEED_SUITE).statusCode()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              String runId = run(OWNER, suite).statusCode(201).extract().path("id");
              return !TestKafka.awaitRecords(
                      TestKafka.topic(ContractEvents.QUALITY_TOPIC),
                      r ->
                          product.equals(r.key())
                              && r.value().contains(runId)
                              && r.value().contains("\"nonNull\":11")
                              && r.value().contains("\"rows\":12")
                              && ContractEvents.QUALITY_MEASURED
                                  .type()
                                  .equals(TestKafka.header(r, "ce_type")),
                      Duration.ofSeconds(5))
                  .isEmpty();
            });
  }

  @Test
  void aBadSuiteIs422NamingEveryWrongField() {
    String body =
        put(
                OWNER,
                "bad-" + schema,
                dataset,
                """
                validations:
                  - name: broken
                    expectations:
                      - expect_table_row_count_to_be_between: {min_value: 20, max_value: 10}
                      - expect_column_values_to_match_regex: {column: email, regex: "[a-z"}
                      - expect_column_values_to_not_be_null: {}
                      - expect_column_values_to_be_purple: {column: email}
                      - expect_table_data_to_be_fresh: {column: updated_at, max_age: soon}
                """)
            .statusCode(422)
            .contentType("application/problem+json")
            .body("code", equalTo("contracts.quality.invalid-suite"))
            .body(
                "violations.field",
                hasItems(
                    "validations[0].expectations[0].expect_table_row_count_to_be_between.min_value",
                    "validations[0].expectations[1].expect_column_values_to_match_regex.regex",
                    "validations[0].expectations[2].expect_column_values_to_not_be_null.column",
                    "validations[0].expectations[3]",
                    "validations[0].expectations[4].expect_table_data_to_be_fresh.max_age"))
            .extract()
            .asString();
    InternalText.assertNone(body);
    put(OWNER, "bad-" + schema, dataset, "validations: [")
        .statusCode(422)
        .body("violations[0].field", equalTo("$"));
    given()
        .auth()
        .oauth2(OWNER)
        .get("/api/v1/quality/suites/{name}", "bad-" + schema)
        .then()
        .statusCode(404);
    put(OWNER, "unknown-" + schema, "marketing/no_such_table", SEED_SUITE)
        .statusCode(422)
        .body("code", equalTo("contracts.quality.unknown-dataset"));
  }

  @Test
  void onlyTheDatasetsDomainOwnersChangeOrRunItsSuites() {
    String suite = "authz-" + schema;
    assertThat(putWhenKnown(suite, dataset, SEED_SUITE).statusCode()).isEqualTo(201);
    given()
        .contentType("application/yaml")
        .body(SEED_SUITE.getBytes(StandardCharsets.UTF_8))
        .put("/api/v1/quality/suites/{name}", suite)
        .then()
        .statusCode(401);
    put(TestTokens.consumer("marketing"), suite, dataset, SEED_SUITE).statusCode(403);
    put(TestTokens.domainOwner("sales"), suite, dataset, SEED_SUITE).statusCode(403);
    run(TestTokens.domainOwner("sales"), suite).statusCode(403);
    run(TestTokens.consumer("marketing"), suite).statusCode(403);
    given().when().post("/api/v1/quality/suites/{name}/runs", suite).then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.domainOwner("sales"))
        .delete("/api/v1/quality/suites/{name}", suite)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(OWNER)
        .delete("/api/v1/quality/suites/{name}", suite)
        .then()
        .statusCode(204);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> byCheck(List<Object> results) {
    Map<String, Map<String, Object>> byCheck = new HashMap<>();
    for (Object result : results) {
      Map<String, Object> map = (Map<String, Object>) result;
      byCheck.put((String) map.get("rule"), map);
    }
    return byCheck;
  }
}
