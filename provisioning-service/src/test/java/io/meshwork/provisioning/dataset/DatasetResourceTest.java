package io.meshwork.provisioning.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.meshwork.events.outbox.OutboxEvent;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class DatasetResourceTest {

  @Inject DatasetRepository datasets;

  private static String body(String name, String domain) {
    return """
        {"name":"%s","domain":"%s","storage":"s3://data-lake/domain=%s","schema":"urn:schema:customer/v2"}
        """
        .formatted(name, domain, domain);
  }

  private static Response post(String token, String json) {
    var request = given().contentType(ContentType.JSON).body(json);
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    return request.when().post("/api/v1/datasets");
  }

  private long stored(String name) {
    return QuarkusTransaction.requiringNew().call(() -> datasets.count("name", name));
  }

  private long outboxRowsFor(String name) {
    return QuarkusTransaction.requiringNew()
        .call(() -> OutboxEvent.count("subject like ?1", "%/" + name));
  }

  @Test
  void domainOwnerRequestsDatasetAndItIsStoredAndEmittedAsCloudEvent() {
    String name = Fixtures.newName("customer_segments");
    String id =
        post(TestTokens.domainOwner("marketing"), body(name, "marketing"))
            .then()
            .statusCode(202)
            .header("Location", endsWith("/api/v1/datasets/marketing/" + name))
            .body("name", equalTo(name))
            .body("domain", equalTo("marketing"))
            .body("storage", equalTo("s3://data-lake/domain=marketing"))
            .body("schema", equalTo("urn:schema:customer/v2"))
            .body("state", equalTo("REQUESTED"))
            .body("id", notNullValue())
            .extract()
            .path("id");

    assertThat(stored(name)).isEqualTo(1);
    assertThat(outboxRowsFor(name)).isEqualTo(1);

    given()
        .auth()
        .oauth2(TestTokens.consumer("marketing"))
        .when()
        .get("/api/v1/datasets/marketing/" + name)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("requestedBy", equalTo("owner-marketing"));

    List<ConsumerRecord<String, String>> records =
        TestKafka.awaitRecords(
            TestKafka.topic(ProvisioningEvents.DATASET_TOPIC),
            record -> id.equals(record.key()),
            Duration.ofSeconds(20));
    assertThat(records).hasSize(1);
    ConsumerRecord<String, String> record = records.get(0);
    assertThat(TestKafka.header(record, "ce_type"))
        .isEqualTo("io.meshwork.provisioning.dataset.requested.v1");
    assertThat(TestKafka.header(record, "ce_source")).isEqualTo("/provisioning-service");
    assertThat(TestKafka.header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(TestKafka.header(record, "ce_subject")).isEqualTo("marketing/" + name);
    assertThat(TestKafka.header(record, "ce_id")).isNotBlank();
    assertThat(record.value())
        .contains("\"datasetId\":\"" + id + "\"")
        .contains("\"name\":\"" + name + "\"")
        .contains("\"schema\":\"urn:schema:customer/v2\"");
  }

  @Test
  void platformAdminMayRequestInAnyDomain() {
    String name = Fixtures.newDatasetName();
    post(TestTokens.platformAdmin(), body(name, "finance")).then().statusCode(202);
    assertThat(stored(name)).isEqualTo(1);
  }

  @Test
  void requestWithoutTokenIs401AndStoresNothing() {
    String name = Fixtures.newDatasetName();
    post(null, body(name, "marketing"))
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("auth.unauthenticated"));
    assertThat(stored(name)).isZero();
    assertThat(outboxRowsFor(name)).isZero();
  }

  @Test
  void ownerOfAnotherDomainIs403AndStoresNothing() {
    String name = Fixtures.newDatasetName();
    post(TestTokens.domainOwner("finance"), body(name, "marketing"))
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("auth.domain-forbidden"))
        .body("status", equalTo(403));
    assertThat(stored(name)).isZero();
    assertThat(outboxRowsFor(name)).isZero();
  }

  @Test
  void consumerRoleIs403() {
    String name = Fixtures.newDatasetName();
    post(TestTokens.consumer("marketing"), body(name, "marketing"))
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("auth.forbidden"));
    assertThat(stored(name)).isZero();
  }

  @Test
  void malformedJsonIs400AndStoresNothing() {
    String name = Fixtures.newDatasetName();
    post(TestTokens.domainOwner("marketing"), "{\"name\":\"" + name + "\", \"domain\": ")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("request.malformed-json"))
        .body("instance", equalTo("/api/v1/datasets"));
    assertThat(stored(name)).isZero();
  }

  @Test
  void wrongJsonTypeIs400NamingTheField() {
    post(
            TestTokens.domainOwner("marketing"),
            "{\"name\":[\"x\"],\"domain\":\"marketing\",\"storage\":\"s3://b/p\",\"schema\":\"urn:schema:c/v1\"}")
        .then()
        .statusCode(400)
        .body("code", equalTo("request.malformed-json"))
        .body("violations.field", hasItem("name"));
  }

  @Test
  void misspeltFieldIs400NamingIt() {
    String name = Fixtures.newDatasetName();
    post(
            TestTokens.domainOwner("marketing"),
            "{\"name\":\"%s\",\"domain\":\"marketing\",\"storage\":\"s3://b/p\",\"schema\":\"urn:schema:c/v1\",\"shcema\":1}"
                .formatted(name))
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("shcema"));
    assertThat(stored(name)).isZero();
  }

  @Test
  void missingFieldIs422NamingIt() {
    String name = Fixtures.newDatasetName();
    post(
            TestTokens.domainOwner("marketing"),
            "{\"name\":\"%s\",\"domain\":\"marketing\",\"storage\":\"s3://data-lake/x\"}"
                .formatted(name))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("request.invalid"))
        .body("violations[0].field", equalTo("schema"))
        .body("violations[0].message", equalTo("is required"));
    assertThat(stored(name)).isZero();
    assertThat(outboxRowsFor(name)).isZero();
  }

  @Test
  void emptyBodyIs422() {
    given()
        .auth()
        .oauth2(TestTokens.domainOwner("marketing"))
        .contentType(ContentType.JSON)
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Customer_Segments",
        "customer-segments",
        "1customers",
        "customers; DROP TABLE dataset",
        "customers\\\"",
        "_customers",
        "customérs",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void unsafeNameIs422AndStoresNothing(String unsafe) {
    long before = QuarkusTransaction.requiringNew().call(() -> datasets.count());
    post(TestTokens.domainOwner("marketing"), body(unsafe, "marketing"))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("request.invalid"))
        .body("violations.field", hasItem("name"));
    // Tests of a class run one after another: nothing else creates datasets meanwhile.
    assertThat(QuarkusTransaction.requiringNew().call(() -> datasets.count())).isEqualTo(before);
  }

  @Test
  void unknownStorageSchemeIs422() {
    post(
            TestTokens.domainOwner("marketing"),
            "{\"name\":\"x1\",\"domain\":\"marketing\",\"storage\":\"ftp://host/x\",\"schema\":\"urn:schema:c/v1\"}")
        .then()
        .statusCode(422)
        .body("violations.field", hasItem("storage"));
  }

  @Test
  void secondRequestForSameNameIs409() {
    String name = Fixtures.newDatasetName();
    post(TestTokens.domainOwner("marketing"), body(name, "marketing")).then().statusCode(202);
    post(TestTokens.domainOwner("marketing"), body(name, "marketing"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("provisioning.dataset.exists"));
    assertThat(stored(name)).isEqualTo(1);
    assertThat(outboxRowsFor(name)).isEqualTo(1);
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

  @Test
  void listingFiltersByDomain() {
    String name = Fixtures.newDatasetName();
    post(TestTokens.domainOwner("sales"), body(name, "sales")).then().statusCode(202);
    given()
        .auth()
        .oauth2(TestTokens.consumer())
        .queryParam("domain", "sales")
        .queryParam("size", 500)
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(200)
        .body("name", hasItem(name))
        .body("domain.unique()", equalTo(List.of("sales")));
  }

  @Test
  void oversizedPageIs422NamingTheParameter() {
    given()
        .auth()
        .oauth2(TestTokens.consumer())
        .queryParam("size", 10_000)
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("size"));
  }
}
