package io.meshwork.provisioning.api;

import static io.meshwork.provisioning.ProvisioningFixtures.body;
import static io.meshwork.provisioning.ProvisioningFixtures.post;
import static io.meshwork.provisioning.ProvisioningFixtures.settled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import io.meshwork.events.outbox.OutboxEvent;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.provisioning.ProvisioningFixtures;
import io.meshwork.provisioning.dataset.DatasetRepository;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.InternalText;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The API of POST/GET/DELETE /api/v1/datasets: shape, idempotency, security, bad input. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class DatasetResourceTest {

  private static final String OWNER = TestTokens.domainOwner("marketing");

  @Inject DatasetRepository datasets;

  /** The seed's body, as written there. */
  private static String seedBody(String name) {
    return """
        {"name":"%s","domain":"marketing","storage":"s3://data-lake/domain=marketing","schema":"urn:schema:customer/v2"}
        """
        .formatted(name);
  }

  private long stored(String name) {
    return QuarkusTransaction.requiringNew().call(() -> datasets.count("name", name));
  }

  private long outboxRowsFor(String name) {
    return QuarkusTransaction.requiringNew()
        .call(() -> OutboxEvent.count("subject like ?1", "%/" + name));
  }

  @Test
  void seedRequestIsAcceptedAndAnnouncedAsACloudEvent() {
    String name = Fixtures.newName("customer_segments");
    String id =
        post(OWNER, seedBody(name))
            .then()
            .statusCode(202)
            .header("Location", endsWith("/api/v1/datasets/marketing/" + name))
            .body("name", equalTo(name))
            .body("domain", equalTo("marketing"))
            .body("storage", equalTo("s3://data-lake/domain=marketing"))
            .body("schema", equalTo("urn:schema:customer/v2"))
            .body("state", equalTo("REQUESTED"))
            .body("owner", equalTo("owner-marketing"))
            .body("classification", equalTo("internal"))
            .body("retention", equalTo("P7D"))
            .body("id", notNullValue())
            .extract()
            .path("id");
    assertThat(stored(name)).isEqualTo(1);

    List<ConsumerRecord<String, String>> records =
        TestKafka.awaitRecords(
            TestKafka.topic(ProvisioningEvents.DATASET_TOPIC),
            record ->
                id.equals(record.key())
                    && ProvisioningEvents.DATASET_REQUESTED
                        .type()
                        .equals(TestKafka.header(record, "ce_type")),
            Duration.ofSeconds(20));
    assertThat(records).hasSize(1);
    ConsumerRecord<String, String> record = records.get(0);
    assertThat(TestKafka.header(record, "ce_source")).isEqualTo("/provisioning-service");
    assertThat(TestKafka.header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(TestKafka.header(record, "ce_subject")).isEqualTo("marketing/" + name);
    assertThat(record.value())
        .contains("\"datasetId\":\"" + id + "\"")
        .contains("\"schema\":\"urn:schema:customer/v2\"");
  }

  @Test
  void whileTheSchemaRegistryIsUnreachableTheDatasetWaitsAndRetriesInsteadOfGuessing() {
    String name = Fixtures.newName("customer_segments");
    post(OWNER, seedBody(name)).then().statusCode(202);
    var dataset =
        given()
            .auth()
            .oauth2(OWNER)
            .queryParam("wait", 3)
            .when()
            .get("/api/v1/datasets/marketing/{n}", name)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(dataset.getString("state")).isIn("REQUESTED", "PROVISIONING");
    assertThat(dataset.getString("lastError")).startsWith("waiting for the schema registry");
    assertThat(dataset.getList("resources")).isEmpty();
  }

  @Test
  void preferWaitAnswers202WhenTheDatasetIsStillAtWorkAndUnreadablePreferencesAreIgnored() {
    String name = Fixtures.newName("customer_segments");
    long start = System.nanoTime();
    given()
        .auth()
        .oauth2(OWNER)
        .contentType("application/json")
        .header("Prefer", "wait=1")
        .body(seedBody(name))
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(202)
        .header("Preference-Applied", "wait=1")
        .body("state", oneOf("REQUESTED", "PROVISIONING"));
    // It waited (the schema registry is unreachable here, so the dataset cannot settle).
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));

    String other = Fixtures.newName("customer_segments");
    given()
        .auth()
        .oauth2(OWNER)
        .contentType("application/json")
        .header("Prefer", "wait=soon")
        .body(seedBody(other))
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(202)
        .header("Preference-Applied", nullValue());
  }

  @Test
  void theSameRequestAgainReturnsTheExistingDataset() {
    String name = ProvisioningFixtures.newName();
    String json = body(name, "marketing", "postgres://", "\"tags\":[\"pii\",\"crm\"]");
    String id = post(OWNER, json).then().statusCode(202).extract().path("id");
    post(OWNER, json)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("tags", equalTo(List.of("crm", "pii")));
    // Defaults spelled out are the same request.
    post(
            OWNER,
            body(
                name,
                "marketing",
                "postgres://warehouse/marketing",
                "\"tags\":[\"crm\",\"pii\"],\"retention\":\"P7D\",\"classification\":\"internal\""))
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    assertThat(stored(name)).isEqualTo(1);
    assertThat(outboxRowsFor(name)).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theSeedRequestSentTwiceWithoutAKeyAnswersTheExistingDataset() {
    // The README's own request names its schema by URN: no schemaDefinition on either side.
    String name = Fixtures.newName("customer_segments");
    String id = post(OWNER, seedBody(name)).then().statusCode(202).extract().path("id");
    post(OWNER, seedBody(name))
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("schema", equalTo("urn:schema:customer/v2"));
    // A real difference is named once, with two different values.
    post(OWNER, seedBody(name).replace("domain=marketing", "domain=marketing/other"))
        .then()
        .statusCode(409)
        .body("violations.field", equalTo(List.of("storage")))
        .body(
            "violations[0].message",
            equalTo(
                "is s3://data-lake/domain=marketing on the existing dataset, requested"
                    + " s3://data-lake/domain=marketing/other"));
    assertThat(stored(name)).isEqualTo(1);
  }

  @Test
  void theSameNameWithAnotherSpecIs409ExplainingTheDifference() {
    String name = ProvisioningFixtures.newName();
    post(OWNER, body(name, "marketing", "postgres://", "")).then().statusCode(202);
    post(OWNER, body(name, "marketing", "kafka://", "\"partitions\":12"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("provisioning.dataset.exists"))
        .body("violations.field", hasItems("storage", "partitions"))
        .body("violations.message", hasItem(containsString("postgres://warehouse/marketing")));
    assertThat(stored(name)).isEqualTo(1);
  }

  @Test
  void idempotencyKeyReplaysAndRefusesReuseWithAnotherRequest() {
    String name = ProvisioningFixtures.newName();
    String key = "key-" + Fixtures.randomSuffix(10);
    String json = body(name, "marketing", "postgres://", "");
    String id =
        given()
            .auth()
            .oauth2(OWNER)
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(json)
            .when()
            .post("/api/v1/datasets")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(OWNER)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(json)
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    given()
        .auth()
        .oauth2(OWNER)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body(ProvisioningFixtures.newName(), "marketing", "postgres://", ""))
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(409)
        .body("code", equalTo("provisioning.idempotency-key.reused"));
  }

  @Test
  void requestWithoutTokenIs401AndStoresNothing() {
    String name = ProvisioningFixtures.newName();
    post(null, body(name, "marketing", "postgres://", ""))
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("auth.unauthenticated"));
    assertThat(stored(name)).isZero();
  }

  @Test
  void ownerOfAnotherDomainIs403ForCreateAndDelete() {
    String name = ProvisioningFixtures.newName();
    post(TestTokens.domainOwner("finance"), body(name, "marketing", "postgres://", ""))
        .then()
        .statusCode(403)
        .body("code", equalTo("auth.domain-forbidden"));
    assertThat(stored(name)).isZero();
    post(OWNER, body(name, "marketing", "postgres://", "")).then().statusCode(202);
    assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("READY");
    given()
        .auth()
        .oauth2(TestTokens.domainOwner("finance"))
        .when()
        .delete("/api/v1/datasets/marketing/{n}", name)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.consumer("marketing"))
        .when()
        .delete("/api/v1/datasets/marketing/{n}", name)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.consumer("marketing"))
        .when()
        .get("/api/v1/datasets/marketing/{n}", name)
        .then()
        .statusCode(200);
  }

  @Test
  void consumerRoleIs403() {
    post(
            TestTokens.consumer("marketing"),
            body(ProvisioningFixtures.newName(), "marketing", "postgres://", ""))
        .then()
        .statusCode(403)
        .body("code", equalTo("auth.forbidden"));
  }

  @Test
  void platformAdminMayActInAnyDomain() {
    String name = ProvisioningFixtures.newName();
    post(TestTokens.platformAdmin(), body(name, "finance", "postgres://", ""))
        .then()
        .statusCode(202);
    assertThat(settled(TestTokens.platformAdmin(), "finance", name).getString("state"))
        .isEqualTo("READY");
  }

  @Test
  void malformedJsonIs400AndStoresNothing() {
    String name = ProvisioningFixtures.newName();
    post(OWNER, "{\"name\":\"" + name + "\", \"domain\": ")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("request.malformed-json"));
    assertThat(stored(name)).isZero();
  }

  @Test
  void aBodyOfAnotherMediaTypeIs415InOurWords() {
    given()
        .auth()
        .oauth2(OWNER)
        .contentType("text/plain")
        .body(seedBody(ProvisioningFixtures.newName()))
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("code", equalTo("request.unsupported-media-type"))
        .body(
            "detail",
            equalTo(
                "POST /api/v1/datasets does not take a body of Content-Type text/plain;"
                    + " charset=ISO-8859-1"));
  }

  @Test
  void aValueOfTheWrongTypeIs400NamingTheFieldWithoutJavaTypes() {
    String body =
        post(OWNER, "{\"name\": {\"nested\": 1}, \"domain\": \"marketing\"}")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("code", equalTo("request.malformed-json"))
            .body("violations[0].field", equalTo("name"))
            .extract()
            .asString();
    InternalText.assertNone(body);
  }

  @Test
  void misspeltFieldIs400NamingIt() {
    String body =
        post(
                OWNER,
                "{\"name\":\"x1\",\"domain\":\"marketing\",\"storage\":\"postgres://\",\"schema\":\"urn:schema:c/v1\",\"partitons\":3}")
            .then()
            .statusCode(400)
            .body("violations.field", hasItem("partitons"))
            .body("violations[0].message", containsString("unknown field \"partitons\""))
            .body("violations[0].message", containsString("\"partitions\""))
            .extract()
            .asString();
    InternalText.assertNone(body);
  }

  @Test
  void missingFieldsAre422NamingEach() {
    post(OWNER, "{\"domain\":\"marketing\"}")
        .then()
        .statusCode(422)
        .body("code", equalTo("request.invalid"))
        .body("violations.field", hasItems("name", "storage"));
    post(
            OWNER,
            "{\"name\":\""
                + ProvisioningFixtures.newName()
                + "\",\"domain\":\"marketing\",\"storage\":\"postgres://\"}")
        .then()
        .statusCode(422)
        .body("violations.field", hasItem("schema"));
  }

  @Test
  void badStorageRetentionAndSchemaAre422NamingTheField() {
    String name = ProvisioningFixtures.newName();
    post(OWNER, body(name, "marketing", "ftp://host/x", ""))
        .then()
        .statusCode(422)
        .body("violations.field", equalTo(List.of("storage")))
        .body("violations[0].message", containsString("unknown storage scheme"));
    post(OWNER, body(name, "marketing", "postgres://other_db/marketing", ""))
        .then()
        .statusCode(422)
        .body("violations.field", equalTo(List.of("storage")));
    post(OWNER, body(name, "marketing", "s3://Bad_Bucket/x", ""))
        .then()
        .statusCode(422)
        .body("violations.field", equalTo(List.of("storage")));
    post(OWNER, body(name, "marketing", "s3://bucket", ""))
        .then()
        .statusCode(422)
        .body("violations[0].message", containsString("prefix"));
    post(OWNER, body(name, "marketing", "postgres://", "\"retention\":\"seven days\""))
        .then()
        .statusCode(422)
        .body("violations.field", equalTo(List.of("retention")));
    post(OWNER, body(name, "marketing", "postgres://", "\"retention\":\"-P1D\""))
        .then()
        .statusCode(422)
        .body("violations.field", equalTo(List.of("retention")));
    post(OWNER, body(name, "marketing", "postgres://", "\"partitions\":0"))
        .then()
        .statusCode(422)
        .body("violations.field", equalTo(List.of("partitions")));
    post(OWNER, body(name, "marketing", "postgres://", "\"classification\":\"secret\""))
        .then()
        .statusCode(422)
        .body("violations.field", equalTo(List.of("classification")));
    post(OWNER, body(name, "marketing", "postgres://", "\"schema\":\"urn:schema:customer/v2\""))
        .then()
        .statusCode(422)
        .body("violations[0].message", containsString("not both"));
    post(
            OWNER,
            "{\"name\":\""
                + name
                + "\",\"domain\":\"marketing\",\"storage\":\"postgres://\",\"schema\":\"customer-v2\"}")
        .then()
        .statusCode(422)
        .body("violations.field", equalTo(List.of("schema")));
    post(
            OWNER,
            "{\"name\":\""
                + name
                + "\",\"domain\":\"marketing\",\"storage\":\"postgres://\",\"schemaDefinition\":[{\"name\":\"id\",\"type\":\"money\"}]}")
        .then()
        .statusCode(422)
        .body("violations.field", equalTo(List.of("schemaDefinition[0].type")));
    assertThat(stored(name)).isZero();
  }

  @Test
  void listingFiltersByDomainAndStateWithPaging() {
    String name = ProvisioningFixtures.newName();
    post(TestTokens.domainOwner("sales"), body(name, "sales", "postgres://", ""))
        .then()
        .statusCode(202);
    settled(TestTokens.domainOwner("sales"), "sales", name);
    given()
        .auth()
        .oauth2(TestTokens.consumer())
        .queryParam("domain", "sales")
        .queryParam("state", "ready")
        .queryParam("size", 500)
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(200)
        .body("name", hasItem(name))
        .body("domain", everyItem(equalTo("sales")))
        .body("state", everyItem(equalTo("READY")));
    given()
        .auth()
        .oauth2(TestTokens.consumer())
        .queryParam("size", 1)
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1));
    given()
        .auth()
        .oauth2(TestTokens.consumer())
        .queryParam("size", 10_000)
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("size"));
    given()
        .auth()
        .oauth2(TestTokens.consumer())
        .queryParam("state", "sleeping")
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("state"));
  }

  @Test
  void deletingWhileProvisioningIsRefused() {
    String name = Fixtures.newName("customer_segments");
    post(OWNER, seedBody(name)).then().statusCode(202); // waits for the (absent) registry
    given()
        .auth()
        .oauth2(OWNER)
        .when()
        .delete("/api/v1/datasets/marketing/{n}", name)
        .then()
        .statusCode(409)
        .body("code", equalTo("provisioning.dataset.busy"));
  }

  @Test
  void unknownDatasetIs404Problem() {
    given()
        .auth()
        .oauth2(TestTokens.consumer())
        .when()
        .get("/api/v1/datasets/marketing/nope_nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("provisioning.dataset.not-found"));
  }
}
