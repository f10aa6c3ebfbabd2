package io.meshwork.contracts.observability;

import static io.meshwork.contracts.observability.QualityFixtures.OWNER;
import static io.meshwork.contracts.observability.QualityFixtures.putWhenKnown;
import static io.meshwork.contracts.observability.QualityFixtures.run;
import static io.meshwork.contracts.observability.QualitySuiteResourceTest.byCheck;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Freshness with the seed's metrics, volume against a learnt baseline, schema drift,
 * reconciliation, Kafka topic freshness and lag, the schedule, and suites from a product's spec:
 * each on real tables and topics.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class QualityCheckKindsTest {

  private static String schema;

  @Inject QualityMetrics metrics;

  @BeforeAll
  static void tables() throws Exception {
    schema = QualityFixtures.newSchema();
    QualityFixtures.sql(
        "CREATE SCHEMA " + schema,
        "CREATE TABLE "
            + schema
            + ".orders (order_id text, amount numeric, batch_date date,"
            + " updated_at timestamptz)",
        "INSERT INTO "
            + schema
            + ".orders SELECT 'o' || g, 10, DATE '2023-11-15',"
            + " now() - interval '2 days' FROM generate_series(1, 10) g",
        "CREATE TABLE " + schema + ".source_tx (order_id text, amount numeric, batch_date date)",
        "INSERT INTO "
            + schema
            + ".source_tx SELECT 'o' || g, 10, DATE '2023-11-15'"
            + " FROM generate_series(1, 11) g");
  }

  @Test
  void aStaleTableFailsFreshnessTheGaugePasses86400AndTheCounterRises() {
    String dataset = QualityFixtures.announceTable(schema, "orders");
    String suite = "fresh-" + schema;
    String yaml =
        """
        validations:
          - name: orders_fresh
            expectations:
              - expect_table_data_to_be_fresh: {column: updated_at, max_age: 24h}
        """;
    assertThat(putWhenKnown(suite, dataset, yaml).statusCode()).isEqualTo(201);
    JsonPath first = run(OWNER, suite).statusCode(201).extract().jsonPath();
    assertThat(first.getString("outcome")).isEqualTo("failed");
    assertThat(first.getDouble("freshnessSeconds")).isGreaterThan(86400);
    String check = "expect_table_data_to_be_fresh:updated_at";
    double gauge = metric("data_freshness_seconds", "dataset=\"" + dataset + "\"");
    assertThat(gauge).isGreaterThan(86400);
    double before =
        metric("quality_violations_total", "check=\"" + check + "\",dataset=\"" + dataset + "\"");
    run(OWNER, suite).statusCode(201);
    double after =
        metric("quality_violations_total", "check=\"" + check + "\",dataset=\"" + dataset + "\"");
    // The scheduler may run the new suite too (it is due at once): at least our run counts.
    assertThat(after).isGreaterThanOrEqualTo(before + 1);
  }

  @Test
  void volumeIsJudgedAgainstEarlierRunsAndDriftAndReconciliationAgainstTheirReferences()
      throws Exception {
    QualityFixtures.sql(
        "CREATE TABLE " + schema + ".volume (order_id text, note text)",
        "INSERT INTO " + schema + ".volume SELECT 'o' || g, 'x' FROM generate_series(1, 100) g");
    String dataset = QualityFixtures.announceTable(schema, "volume");
    QualityFixtures.announceTable(schema, "source_tx");
    String ordersSuite = "recon-" + schema;
    String target = QualityFixtures.announceTable(schema, "orders");
    String suite = "volume-" + schema;
    String yaml =
        """
        validations:
          - name: volume
            expectations:
              - expect_table_row_count_to_match_baseline: {tolerance: 20%}
              - expect_table_columns_to_match_set: {column_set: [order_id, note, added_by]}
        """;
    assertThat(putWhenKnown(suite, dataset, yaml).statusCode()).isEqualTo(201);
    Map<String, Map<String, Object>> firstRun =
        byCheck(run(OWNER, suite).extract().jsonPath().getList("results"));
    assertThat(firstRun.get("expect_table_row_count_to_match_baseline"))
        .containsEntry("status", "passed");
    assertThat(firstRun.get("expect_table_columns_to_match_set").get("message").toString())
        .contains("removed [added_by]");
    QualityFixtures.sql(
        "INSERT INTO " + schema + ".volume SELECT 'p' || g, 'x' FROM generate_series(1, 50) g");
    Map<String, Object> anomaly =
        byCheck(run(OWNER, suite).extract().jsonPath().getList("results"))
            .get("expect_table_row_count_to_match_baseline");
    assertThat(anomaly).containsEntry("status", "failed");
    assertThat(anomaly.get("message").toString()).startsWith("volume anomaly: +50.0%");

    String recon =
        """
        validations:
          - name: reconcile
            expectations:
              - expect_table_to_reconcile_with:
                  source: %s
                  column: amount
                  date_column: batch_date
                  batch_date: 2023-11-15
              - expect_column_values_to_be_in_dataset:
                  column: order_id
                  dataset: %s
              - expect_column_values_to_be_in_dataset:
                  column: order_id
                  dataset: %s
                  reference_column: note
        """
            .formatted("marketing/source_tx", "marketing/source_tx", dataset);
    assertThat(putWhenKnown(ordersSuite, target, recon).statusCode()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !run(OWNER, ordersSuite).extract().asString().contains("not a provisioned"));
    Map<String, Object> reconciled =
        byCheck(run(OWNER, ordersSuite).extract().jsonPath().getList("results"))
            .get("expect_table_to_reconcile_with:amount");
    assertThat(reconciled).containsEntry("status", "failed");
    assertThat(reconciled.get("message").toString())
        .isEqualTo("src_count 11, tgt_count 10, diff_count 1, diff_amount 10 for 2023-11-15");
    // Every order of the target is in the source; the source's o11 has no order: no orphan here.
    List<Object> references = run(OWNER, ordersSuite).extract().jsonPath().getList("results");
    List<Object> measured =
        references.stream()
            .map(r -> (Map<?, ?>) r)
            .filter(r -> "expect_column_values_to_be_in_dataset:order_id".equals(r.get("rule")))
            .map(r -> r.get("measured"))
            .map(Object.class::cast)
            .toList();
    // In the source: no orphan; against the volume table's notes: all ten are orphans.
    assertThat(measured).containsExactly(0.0f, 10.0f);
  }

  @Test
  void aTopicsNewestRecordAndAGroupsLagAreMeasuredOnTheBroker() throws Exception {
    String topic = "obs." + schema;
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    try (Admin admin = Admin.create(properties)) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    for (int i = 0; i < 3; i++) {
      TestKafka.sendCloudEvent(topic, "k" + i, "id" + i, "t", "s", "{}");
    }
    String dataset = QualityFixtures.announceTopic("events_" + schema, topic);
    String suite = "topic-" + schema;
    String yaml =
        """
        validations:
          - name: topic
            expectations:
              - expect_topic_data_to_be_fresh: {max_age: 1h}
              - expect_consumer_group_lag_to_be_below: {group: nobody-reads-this, max_lag: 0}
              - expect_column_values_to_be_unique: {column: id}
        """;
    assertThat(putWhenKnown(suite, dataset, yaml).statusCode()).isEqualTo(201);
    Map<String, Map<String, Object>> results =
        byCheck(run(OWNER, suite).statusCode(201).extract().jsonPath().getList("results"));
    assertThat(results.get("expect_topic_data_to_be_fresh")).containsEntry("status", "passed");
    assertThat(
            ((Number) results.get("expect_topic_data_to_be_fresh").get("measured")).doubleValue())
        .isLessThan(600);
    assertThat(results.get("expect_consumer_group_lag_to_be_below"))
        .containsEntry("status", "failed")
        .containsEntry("measured", 3.0f);
    assertThat(results.get("expect_column_values_to_be_unique:id").get("message").toString())
        .contains("not run: it reads a table");
  }

  @Test
  void suitesRunOnTheirScheduleAndAPublishedProductsSpecBecomesOne() {
    String dataset = QualityFixtures.announceTable(schema, "source_tx");
    String suite = "scheduled-" + schema;
    String yaml =
        """
        schedule: 1s
        validations:
          - name: scheduled
            expectations:
              - expect_column_to_exist: {column: amount}
        """;
    assertThat(putWhenKnown(suite, dataset, yaml).statusCode()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(OWNER)
                        .queryParam("suite", suite)
                        .get("/api/v1/quality/runs")
                        .jsonPath()
                        .getList("findAll { it.trigger == 'scheduled' }")
                        .size()
                    >= 2);

    String product = "tx_" + schema;
    QualityFixtures.published(
        product,
        dataset,
        """
        [{"name":"order_id","type":"string","constraints":{"required":true,"pattern":"^o[0-9]+$"}},
         {"name":"amount","type":"decimal(12,2)","constraints":{"min":0,"max":5}},
         {"name":"booked_at","type":"timestamp"}]
        """,
        "{\"freshness\":\"24h\"}");
    String derived = "product." + product + ".source_tx";
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(OWNER)
                        .get("/api/v1/quality/suites/{name}", derived)
                        .statusCode()
                    == 200);
    Map<String, Map<String, Object>> results =
        byCheck(run(OWNER, derived).statusCode(201).extract().jsonPath().getList("results"));
    assertThat(results.get("expect_column_values_to_not_be_null:order_id"))
        .containsEntry("status", "passed");
    assertThat(results.get("expect_column_values_to_match_regex:order_id"))
        .containsEntry("status", "passed");
    assertThat(results.get("expect_column_values_to_be_between:amount"))
        .containsEntry("status", "failed")
        .containsEntry("measured", 11.0f);
    assertThat(results.get("expect_table_data_to_be_fresh:booked_at").get("message").toString())
        .contains("column");
  }

  @Test
  void aContractsOwnRulesRunOnTheSuitesSchedule() {
    String id = "marketing.orders_" + schema;
    given()
        .auth()
        .oauth2(OWNER)
        .contentType("application/yaml")
        .body(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: %s
            version: 1.0.0
            status: draft
            domain: marketing
            schema:
              - name: orders
                quality:
                  - {name: enough_orders, metric: rowCount, mustBeGreaterThan: 100}
                properties:
                  - name: order_id
                    logicalType: string
                    quality:
                      - {name: order_id_unique, metric: duplicateValues, mustBe: 0}
            """
                .formatted(id)
                .getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/contracts")
        .then()
        .statusCode(201);
    String dataset = QualityFixtures.announceTable(schema, "orders");
    String suite = "contract-" + schema;
    String yaml =
        """
        validations:
          - name: from_the_contract
            expectations:
              - expect_contract_quality_rules_to_pass: {contract: %s}
        """
            .formatted(id);
    assertThat(putWhenKnown(suite, dataset, yaml).statusCode()).isEqualTo(201);
    Map<String, Map<String, Object>> results =
        byCheck(run(OWNER, suite).statusCode(201).extract().jsonPath().getList("results"));
    assertThat(results.get("enough_orders"))
        .containsEntry("status", "failed")
        .containsEntry("measured", 10.0f);
    assertThat(results.get("order_id_unique")).containsEntry("status", "passed");
  }

  @Test
  void afterARestartTheGaugeStartsFromTheLastMeasuredAge() throws Exception {
    String dataset = "marketing/restored_" + schema;
    QualityFixtures.sql(
        "INSERT INTO contracts.quality_run (id, suite, dataset, domain, trigger, outcome,"
            + " freshness_seconds, results, started_by, started_at, finished_at) VALUES"
            + " (gen_random_uuid(), 'gone', '"
            + dataset
            + "', 'marketing', 'scheduled', 'failed', 90000, '[]', 'scheduler', now(), now())");
    metrics.restore();
    assertThat(metric("data_freshness_seconds", "dataset=\"" + dataset + "\""))
        .isBetween(90000.0, 90600.0);
  }

  /** A sample's value from the service's Prometheus endpoint, found by its labels. */
  private static double metric(String name, String labels) {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher matcher =
        Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(text);
    while (matcher.find()) {
      boolean all = true;
      for (String label : labels.split(",(?=[a-z_]+=)")) {
        all &= matcher.group(1).contains(label);
      }
      if (all) {
        return Double.parseDouble(matcher.group(2));
      }
    }
    throw new AssertionError("no " + name + "{" + labels + "} in /q/metrics");
  }
}
