package io.meshwork.catalog.messaging;

import static io.meshwork.catalog.CatalogFixtures.put;
import static io.meshwork.catalog.CatalogFixtures.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.meshwork.catalog.CatalogFixtures;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contract-registry's quality runs, sent as it sends them, become products' health. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class QualityRunsListenerTest {

  private static final String NULL_IDS =
      "{\"check\":\"nullValues:customer_id\",\"status\":\"failed\",\"message\":\"3 > 0\"}";
  private static final String TOO_OLD =
      "{\"check\":\"expect_table_data_to_be_fresh:updated_at\",\"status\":\"failed\","
          + "\"message\":\"the newest row is older than the SLA allows\"}";

  @Inject EntityManager entityManager;

  /** A product in a new domain whose one output port is {@code dataset}; returns its name. */
  private static String product(String domain, String dataset) {
    String name = Fixtures.newName("orders");
    put(
            TestTokens.domainOwner(domain),
            name,
            spec(name, domain, "1.0.0", null) + "outputPorts: [" + dataset + "]\n")
        .statusCode(201)
        .body("health.status", equalTo("unknown"))
        .body("health.datasets", hasSize(0));
    return name;
  }

  private static String run(
      UUID runId, String product, String dataset, String outcome, String failures, String at) {
    return """
        {"runId":"%s","suite":"orders-daily","dataset":"%s","domain":"%s","product":%s,
         "outcome":"%s","passed":4,"warnings":0,"failed":%d,"freshnessSeconds":5400.5,
         "failures":[%s],"trigger":"scheduled","finishedAt":"%s"}
        """
        .formatted(
            runId,
            dataset,
            dataset.split("/")[0],
            product == null ? "null" : "\"" + product + "\"",
            outcome,
            failures.isEmpty() ? 0 : 1,
            failures,
            at);
  }

  private static void send(String eventId, String dataset, String json) {
    TestKafka.sendCloudEvent(
        TestKafka.topic(ContractEvents.QUALITY_TOPIC),
        dataset,
        eventId,
        ContractEvents.QUALITY_RUN_COMPLETED.type(),
        ContractEvents.SOURCE,
        json);
  }

  private static ValidatableResponse get(String name) {
    return given()
        .auth()
        .oauth2(TestTokens.consumer())
        .when()
        .get("/api/v1/data-products/{name}", name)
        .then()
        .statusCode(200);
  }

  private static String status(String name) {
    return get(name).extract().path("health.status");
  }

  private static void awaitHealth(String name, String expected) {
    await().atMost(Duration.ofSeconds(30)).until(() -> expected.equals(status(name)));
  }

  private void awaitHandled(String eventId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                        .call(
                            () ->
                                ((Number)
                                        entityManager
                                            .createNativeQuery(
                                                "SELECT count(*) FROM processed_event"
                                                    + " WHERE consumer = ?1 AND event_id = ?2")
                                            .setParameter(1, QualityRunsListener.CONSUMER)
                                            .setParameter(2, eventId)
                                            .getSingleResult())
                                    .longValue())
                    == 1);
  }

  @Test
  void healthGoesFromUnknownToFailingToHealthyAndALateOlderRunChangesNothing() {
    String domain = CatalogFixtures.newDomain();
    String dataset = domain + "/" + Fixtures.newDatasetName();
    String name = product(domain, dataset);

    UUID failedRun = UUID.randomUUID();
    send(
        UUID.randomUUID().toString(),
        dataset,
        run(failedRun, name, dataset, "failed", NULL_IDS, "2026-12-01T10:00:00Z"));
    awaitHealth(name, "failing");
    get(name)
        .body("health.freshnessSeconds", equalTo(5400.5f))
        .body("health.lastRunAt", equalTo("2026-12-01T10:00:00Z"))
        .body("health.datasets", hasSize(1))
        .body("health.datasets[0].dataset", equalTo(dataset))
        .body("health.datasets[0].outcome", equalTo("failed"))
        .body("health.datasets[0].runId", equalTo(failedRun.toString()))
        .body("health.datasets[0].finishedAt", equalTo("2026-12-01T10:00:00Z"))
        .body("health.datasets[0].failures[0].check", equalTo("nullValues:customer_id"))
        .body("health.datasets[0].failures[0].status", equalTo("failed"))
        .body("health.datasets[0].failures[0].message", equalTo("3 > 0"));

    UUID passedRun = UUID.randomUUID();
    send(
        UUID.randomUUID().toString(),
        dataset,
        run(passedRun, name, dataset, "passed", "", "2026-12-01T11:00:00Z"));
    awaitHealth(name, "healthy");

    // A run that finished before the one shown, arriving late, is not the latest.
    String late = UUID.randomUUID().toString();
    send(
        late,
        dataset,
        run(UUID.randomUUID(), name, dataset, "failed", NULL_IDS, "2026-12-01T10:30:00Z"));
    awaitHandled(late);
    get(name)
        .body("health.status", equalTo("healthy"))
        .body("health.lastRunAt", equalTo("2026-12-01T11:00:00Z"))
        .body("health.datasets[0].runId", equalTo(passedRun.toString()))
        .body("health.datasets[0].failures", hasSize(0));
    // The list answers show the same health.
    given()
        .auth()
        .oauth2(TestTokens.consumer())
        .queryParam("domain", domain)
        .when()
        .get("/api/v1/data-products")
        .then()
        .statusCode(200)
        .body("[0].name", equalTo(name))
        .body("[0].health.status", equalTo("healthy"));
  }

  @Test
  void redeliveredRunChangesNothing() {
    String domain = CatalogFixtures.newDomain();
    String dataset = domain + "/" + Fixtures.newDatasetName();
    String name = product(domain, dataset);
    String eventId = UUID.randomUUID().toString();
    UUID passedRun = UUID.randomUUID();
    send(eventId, dataset, run(passedRun, name, dataset, "passed", "", "2026-12-01T10:00:00Z"));
    awaitHealth(name, "healthy");

    // The same CloudEvent id again, even with a newer failed run in it, is recognised and skipped.
    send(
        eventId,
        dataset,
        run(UUID.randomUUID(), name, dataset, "failed", NULL_IDS, "2026-12-01T12:00:00Z"));
    // A later event on the same partition (same key) proves the duplicate has been consumed.
    String marker = UUID.randomUUID().toString();
    send(
        marker,
        dataset,
        run(
            UUID.randomUUID(),
            Fixtures.newName("other"),
            dataset,
            "passed",
            "",
            "2026-12-01T12:00:00Z"));
    awaitHandled(marker);

    get(name)
        .body("health.status", equalTo("healthy"))
        .body("health.datasets[0].runId", equalTo(passedRun.toString()));
  }

  @Test
  void runWithoutProductCountsForEveryProductServingItsDataset() {
    String domain = CatalogFixtures.newDomain();
    String dataset = domain + "/" + Fixtures.newDatasetName();
    String first = product(domain, dataset);
    String second = product(domain, dataset);
    String unrelated = product(domain, domain + "/" + Fixtures.newDatasetName());

    String eventId = UUID.randomUUID().toString();
    send(
        eventId,
        dataset,
        run(UUID.randomUUID(), null, dataset, "failed", TOO_OLD, "2026-12-01T10:00:00Z"));
    // Only freshness failed: the data is correct but old.
    awaitHealth(first, "stale");
    awaitHealth(second, "stale");
    get(first)
        .body(
            "health.datasets[0].failures[0].check",
            equalTo("expect_table_data_to_be_fresh:updated_at"));
    get(unrelated).body("health.status", equalTo("unknown")).body("health.lastRunAt", nullValue());
  }

  @Test
  void runWithUnknownOutcomeGoesToTheDeadLetterTopic() {
    String dataset = "nowhere/" + Fixtures.newDatasetName();
    send(
        UUID.randomUUID().toString(),
        dataset,
        run(UUID.randomUUID(), "some_product", dataset, "exploded", "", "2026-12-01T10:00:00Z"));
    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic("meshwork.catalog.dead-letter.v1"),
                record -> dataset.equals(record.key()),
                Duration.ofSeconds(20)))
        .hasSize(1);
  }
}
