package io.meshwork.catalog.product;

import static io.meshwork.catalog.CatalogFixtures.ADMIN;
import static io.meshwork.catalog.CatalogFixtures.decide;
import static io.meshwork.catalog.CatalogFixtures.put;
import static io.meshwork.catalog.CatalogFixtures.spec;
import static io.meshwork.catalog.CatalogFixtures.transition;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.meshwork.catalog.CatalogFixtures;
import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every legal and illegal move of a product's lifecycle, with governance's decisions as events. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ProductLifecycleTest {

  private static String status(String token, String name) {
    return given()
        .auth()
        .oauth2(token)
        .when()
        .get("/api/v1/data-products/{n}", name)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  private static void awaitStatus(String token, String name, String expected) {
    await().atMost(Duration.ofSeconds(30)).until(() -> expected.equals(status(token, name)));
  }

  /** A provisioned dataset the catalog learns from provisioning's events. */
  private static void provisioned(String domain, String dataset) {
    UUID id = UUID.randomUUID();
    String topic = TestKafka.topic(ProvisioningEvents.DATASET_TOPIC);
    TestKafka.sendCloudEvent(
        topic,
        id.toString(),
        UUID.randomUUID().toString(),
        ProvisioningEvents.DATASET_REQUESTED.type(),
        ProvisioningEvents.SOURCE,
        """
        {"datasetId":"%s","domain":"%s","name":"%s","storage":"postgres://warehouse/%s",
         "requestedBy":"owner","requestedAt":"2026-12-01T10:00:00Z"}
        """
            .formatted(id, domain, dataset, domain));
    TestKafka.sendCloudEvent(
        topic,
        id.toString(),
        UUID.randomUUID().toString(),
        ProvisioningEvents.DATASET_PROVISIONED.type(),
        ProvisioningEvents.SOURCE,
        """
        {"datasetId":"%1$s","domain":"%2$s","name":"%3$s","storage":"postgres://warehouse/%2$s",
         "provisionedAt":"2026-12-01T10:00:05Z","resources":[{"kind":"POSTGRES_TABLE",
         "name":"%2$s.%3$s","uri":"postgres://warehouse/%2$s/%3$s","status":"CREATED"}]}
        """
            .formatted(id, domain, dataset));
  }

  @Test
  void aProductGoesFromDraftThroughGovernanceToPublishedDeprecatedAndRetired() {
    String domain = CatalogFixtures.newDomain();
    String name = Fixtures.newName("segments");
    String port = domain + "/" + name + "_table";
    String owner = TestTokens.domainOwner(domain);
    put(owner, name, spec(name, domain, "1.0.0", null) + "outputPorts: [" + port + "]\n")
        .statusCode(201)
        .body("outputPorts[0].dataset", equalTo(port))
        .body("outputPorts[0].state", equalTo("MISSING"));

    // Nothing but governance approves: publishing a draft is refused, naming what may come next.
    transition(owner, name, "publish")
        .statusCode(409)
        .body("code", equalTo("catalog.data-product.illegal-transition"))
        .body("detail", containsString("Allowed next: [SUBMITTED]"));
    transition(owner, name, "submit").statusCode(200).body("status", equalTo("SUBMITTED"));
    transition(owner, name, "submit")
        .statusCode(409)
        .body("detail", containsString("come only from governance"));
    // Under review, the spec is frozen.
    put(owner, name, spec(name, domain, "1.0.1", "  - name: x\n    type: string"))
        .statusCode(409)
        .body("code", equalTo("catalog.data-product.frozen"));

    decide(name, domain, "1.0.0", 1, "CHANGES_REQUESTED");
    awaitStatus(owner, name, "CHANGES_REQUESTED");
    put(
            owner,
            name,
            spec(name, domain, "1.0.1", "  - name: x\n    type: string")
                + "outputPorts: ["
                + port
                + "]\n")
        .statusCode(200)
        .body("status", equalTo("CHANGES_REQUESTED"));
    transition(owner, name, "submit").statusCode(200).body("reviewRound", equalTo(2));
    // A decision on the old round or version is not applied.
    decide(name, domain, "1.0.0", 1, "APPROVED");
    decide(name, domain, "1.0.1", 2, "APPROVED");
    awaitStatus(owner, name, "APPROVED");

    // Published only once its output port's storage is READY.
    transition(owner, name, "publish")
        .statusCode(409)
        .body("code", equalTo("catalog.data-product.ports-not-ready"))
        .body("detail", containsString(port));
    provisioned(domain, name + "_table");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "READY"
                    .equals(
                        given()
                            .auth()
                            .oauth2(owner)
                            .when()
                            .get("/api/v1/data-products/{n}", name)
                            .then()
                            .extract()
                            .path("outputPorts[0].state")));
    transition(owner, name, "publish")
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"))
        .body("publishedVersion", equalTo("1.0.1"))
        .body("outputPorts[0].resources[0].kind", equalTo("POSTGRES_TABLE"));

    // Deprecation needs a sunset in the future and an existing successor, if one is named.
    deprecate(owner, name, "{\"sunsetAt\":\"2020-01-01\"}")
        .statusCode(422)
        .body("violations[0].field", equalTo("sunsetAt"));
    deprecate(
            owner,
            name,
            "{\"sunsetAt\":\"" + LocalDate.now().plusDays(90) + "\",\"successor\":\"nope\"}")
        .statusCode(422)
        .body("violations[0].field", equalTo("successor"));
    transition(owner, name, "retire")
        .statusCode(409)
        .body("detail", containsString("[DEPRECATED]"));
    deprecate(
            owner,
            name,
            "{\"sunsetAt\":\"" + LocalDate.now().plusDays(90) + "\",\"reason\":\"v2 replaces it\"}")
        .statusCode(200)
        .body("status", equalTo("DEPRECATED"))
        .body("deprecation.reason", equalTo("v2 replaces it"));
    transition(owner, name, "retire").statusCode(200).body("status", equalTo("RETIRED"));
    transition(owner, name, "submit")
        .statusCode(409)
        .body("detail", containsString("Allowed next: none"));

    given()
        .auth()
        .oauth2(owner)
        .when()
        .get("/api/v1/data-products/{n}/history", name)
        .then()
        .statusCode(200)
        .body(
            "to",
            contains(
                "SUBMITTED",
                "CHANGES_REQUESTED",
                "SUBMITTED",
                "APPROVED",
                "PUBLISHED",
                "DEPRECATED",
                "RETIRED"))
        .body("[1].actor", equalTo("greta"))
        .body("[1].reason", equalTo("checked"));

    List<ConsumerRecord<String, String>> events =
        TestKafka.awaitRecords(
            TestKafka.topic(CatalogEvents.DATA_PRODUCT_TOPIC),
            record ->
                name.equals(record.key())
                    && !CatalogEvents.VERSION_CREATED
                        .type()
                        .equals(TestKafka.header(record, "ce_type")),
            Duration.ofSeconds(20));
    assertThat(events)
        .extracting(record -> TestKafka.header(record, "ce_type"))
        .containsExactly(
            CatalogEvents.SUBMITTED.type(),
            CatalogEvents.SUBMITTED.type(),
            CatalogEvents.PUBLISHED.type(),
            CatalogEvents.DEPRECATED.type(),
            CatalogEvents.RETIRED.type());
    assertThat(events.get(2).value())
        .contains("\"sources\":[\"crm_system/v2/customers\"]")
        .contains("\"outputPorts\":[\"" + port + "\"]");
  }

  @Test
  void aPublishedProductsNewVersionIsADraftWhileThePublishedOneStays() {
    String domain = CatalogFixtures.newDomain();
    String name = Fixtures.newName("kept");
    put(ADMIN, name, spec(name, domain, "1.0.0", null)).statusCode(201);
    transition(ADMIN, name, "submit").statusCode(200);
    decide(name, domain, "1.0.0", 1, "APPROVED");
    awaitStatus(ADMIN, name, "APPROVED");
    transition(ADMIN, name, "publish").statusCode(200);
    put(ADMIN, name, spec(name, domain, "1.1.0", "  - name: extra\n    type: string"))
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("version", equalTo("1.1.0"))
        .body("publishedVersion", equalTo("1.0.0"));
  }

  private static ValidatableResponse deprecate(String token, String name, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/data-products/{n}/deprecate", name)
        .then();
  }
}
