package io.meshwork.catalog.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.meshwork.catalog.dataset.Dataset;
import io.meshwork.catalog.dataset.DatasetRepository;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ProvisioningEventsListenerTest {

  @Inject DatasetRepository datasets;
  @Inject EntityManager entityManager;

  private static String requested(UUID id, String name, String storage) {
    return """
        {"datasetId":"%s","domain":"marketing","name":"%s","storage":"%s",
         "schema":"urn:schema:customer/v2","requestedBy":"mara","requestedAt":"2026-11-25T10:00:00Z"}
        """
        .formatted(id, name, storage);
  }

  private static void send(String eventId, UUID datasetId, String json) {
    TestKafka.sendCloudEvent(
        TestKafka.topic(ProvisioningEvents.DATASET_TOPIC),
        datasetId.toString(),
        eventId,
        ProvisioningEvents.DATASET_REQUESTED.type(),
        ProvisioningEvents.SOURCE,
        json);
  }

  private Dataset find(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> datasets.findById(id));
  }

  private long processedRows(String eventId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "SELECT count(*) FROM processed_event WHERE event_id = ?1")
                            .setParameter(1, eventId)
                            .getSingleResult())
                    .longValue());
  }

  @Test
  void requestedDatasetAppearsInTheCatalog() {
    UUID id = UUID.randomUUID();
    String name = Fixtures.newDatasetName();
    send(UUID.randomUUID().toString(), id, requested(id, name, "s3://data-lake/domain=marketing"));

    await().atMost(Duration.ofSeconds(20)).until(() -> find(id) != null);

    given()
        .auth()
        .oauth2(TestTokens.consumer("marketing"))
        .when()
        .get("/api/v1/datasets/marketing/" + name)
        .then()
        .statusCode(200)
        .body("id", equalTo(id.toString()))
        .body("storage", equalTo("s3://data-lake/domain=marketing"))
        .body("schema", equalTo("urn:schema:customer/v2"))
        .body("state", equalTo("REQUESTED"))
        .body("requestedBy", equalTo("mara"));
    given()
        .auth()
        .oauth2(TestTokens.consumer())
        .queryParam("domain", "marketing")
        .queryParam("size", 500)
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(200)
        .body("name", hasItem(name));
  }

  @Test
  void redeliveredEventChangesNothing() {
    UUID id = UUID.randomUUID();
    String name = Fixtures.newDatasetName();
    String eventId = UUID.randomUUID().toString();
    send(eventId, id, requested(id, name, "s3://data-lake/original"));
    await().atMost(Duration.ofSeconds(20)).until(() -> find(id) != null);

    // The same CloudEvent id again, even with a different body, must be recognised and skipped.
    send(eventId, id, requested(id, name, "s3://data-lake/tampered"));
    // A later, distinct event on the same partition proves the duplicate has been consumed.
    UUID marker = UUID.randomUUID();
    send(
        UUID.randomUUID().toString(), id, requested(marker, Fixtures.newDatasetName(), "s3://x/y"));
    await().atMost(Duration.ofSeconds(20)).until(() -> find(marker) != null);

    assertThat(find(id).storage).isEqualTo("s3://data-lake/original");
    assertThat(processedRows(eventId)).isEqualTo(1);
  }

  @Test
  void malformedEventDoesNotBlockLaterEvents() {
    UUID id = UUID.randomUUID();
    send(UUID.randomUUID().toString(), id, "{not json");
    UUID next = UUID.randomUUID();
    send(
        UUID.randomUUID().toString(), next, requested(next, Fixtures.newDatasetName(), "s3://a/b"));
    await().atMost(Duration.ofSeconds(20)).until(() -> find(next) != null);
    assertThat(find(id)).isNull();
    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic("meshwork.catalog.dead-letter.v1"),
                record -> id.toString().equals(record.key()),
                Duration.ofSeconds(10)))
        .hasSize(1);
  }

  @Test
  void unknownDatasetIs404Problem() {
    given()
        .auth()
        .oauth2(TestTokens.consumer())
        .when()
        .get("/api/v1/datasets/marketing/absent_dataset")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("catalog.dataset.not-found"));
  }

  @Test
  void readingWithoutTokenIs401() {
    given().when().get("/api/v1/datasets").then().statusCode(401);
  }
}
