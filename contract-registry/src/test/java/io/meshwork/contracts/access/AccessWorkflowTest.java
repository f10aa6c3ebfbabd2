package io.meshwork.contracts.access;

import static io.meshwork.contracts.access.AccessFixtures.BOARD;
import static io.meshwork.contracts.access.AccessFixtures.as;
import static io.meshwork.contracts.access.AccessFixtures.awaitCompliance;
import static io.meshwork.contracts.access.AccessFixtures.awaitStatus;
import static io.meshwork.contracts.access.AccessFixtures.checked;
import static io.meshwork.contracts.access.AccessFixtures.grantsApplied;
import static io.meshwork.contracts.access.AccessFixtures.request;
import static io.meshwork.contracts.access.AccessFixtures.requestBody;
import static io.meshwork.contracts.access.AccessFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class AccessWorkflowTest {

  private final String domain = unique("sales");
  private final String product = unique("segments_");
  private final String owner = TestTokens.domainOwner(domain);
  private final String consumer =
      TestTokens.user("carl").roles("data-consumer").domains("marketing").sign();
  private final String contract = "urn:contract:" + product;

  private String negotiatedToComplianceCheck() {
    AccessFixtures.published(product, domain, ",\"maxAccess\":\"P30D\"");
    AccessFixtures.activeContract(owner, contract, domain);
    String id =
        request(
            consumer,
            requestBody(
                product, "[\"customer_id\",\"segment\"]", Instant.now().plus(10, ChronoUnit.DAYS)));
    as(owner)
        .body(
            "{\"contractId\":\""
                + contract
                + "\",\"contractVersion\":\"1.0.0\","
                + "\"sla\":{\"freshness\":\"48h\"},\"comment\":\"daily batch\"}")
        .post("/api/v1/access-requests/{id}/propose", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("PROPOSED"));
    as(consumer)
        .body("{\"sla\":{\"freshness\":\"24h\"},\"comment\":\"the model retrains daily\"}")
        .post("/api/v1/access-requests/{id}/counter", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("NEGOTIATING"));
    as(owner)
        .post("/api/v1/access-requests/{id}/accept", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("COMPLIANCE_CHECK"));
    return id;
  }

  @Test
  void aRequestIsNegotiatedCheckedApprovedAndBecomesTheSignedAgreement() {
    String id = negotiatedToComplianceCheck();
    as(owner)
        .post("/api/v1/access-requests/{id}/approve", id)
        .then()
        .statusCode(409)
        .body("code", equalTo("contracts.access.compliance-pending"));
    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic(AccessEvents.TOPIC),
                r ->
                    id.equals(r.key())
                        && AccessEvents.COMPLIANCE_REQUESTED
                            .type()
                            .equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20)))
        .isNotEmpty();

    checked(id, product, "PASSED", "no personal data");
    awaitCompliance(owner, id, "PASSED");
    as(TestTokens.domainOwner("elsewhere"))
        .post("/api/v1/access-requests/{id}/approve", id)
        .then()
        .statusCode(403);
    as(owner)
        .post("/api/v1/access-requests/{id}/approve", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("APPROVED"));

    grantsApplied(id, true);
    awaitStatus(consumer, id, "ACTIVE");
    as(consumer)
        .get("/api/v1/access-requests/{id}", id)
        .then()
        .body("grants[0].outcome", equalTo("APPLIED"))
        .body(
            "steps.action",
            contains("request", "propose", "counter", "accept", "approve", "activate"))
        .body("steps[2].side", equalTo("CONSUMER"))
        .body("steps[2].reason", equalTo("the model retrains daily"));
    as(consumer)
        .get("/api/v1/agreements?product={p}", product)
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].contractVersion", equalTo("1.0.0"))
        .body("[0].fields", contains("customer_id", "segment"))
        .body("[0].sla.freshness", equalTo("24h"))
        .body("[0].principal", equalTo("consumer_marketing"));

    // The signed agreement pins the contract: a breaking change to it is refused, naming who.
    as(owner)
        .contentType("application/yaml")
        .body(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: %s
            name: Segments
            version: 2.0.0
            status: active
            domain: %s
            schema:
              - name: segments
                logicalType: object
                properties:
                  - {name: customer_id, logicalType: integer, required: true}
            """
                .formatted(contract, domain)
                .getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/contracts")
        .then()
        .statusCode(409)
        .body("code", equalTo("contracts.contract.pinned-by-agreements"))
        .body("detail", containsString("carl"));

    as(owner)
        .body("{\"contractId\":\"" + contract + "\",\"contractVersion\":\"1.0.0\"}")
        .post("/api/v1/access-requests/{id}/propose", id)
        .then()
        .statusCode(409)
        .body("code", equalTo("contracts.access.illegal-transition"))
        .body("detail", containsString("[EXPIRED, REVOKED]"));
    as(consumer).body("{}").post("/api/v1/access-requests/{id}/revoke", id).then().statusCode(422);
    as(consumer)
        .body("{\"reason\":\"model retired\"}")
        .post("/api/v1/access-requests/{id}/revoke", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("REVOKED"));
    as(consumer).get("/api/v1/agreements?product={p}", product).then().body("$", hasSize(0));
    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic(AccessEvents.TOPIC),
                r ->
                    id.equals(r.key())
                        && AccessEvents.REVOKED.type().equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20)))
        .hasSize(1);
  }

  @Test
  void personalDataNeedsTheBoardAndAFailedCheckRejects() {
    String id = negotiatedToComplianceCheck();
    checked(id, product, "BOARD_REQUIRED", "personal data asked for: [email]");
    awaitCompliance(owner, id, "BOARD_REQUIRED");
    as(owner)
        .post("/api/v1/access-requests/{id}/approve", id)
        .then()
        .statusCode(403)
        .body("detail", containsString("governance-board"));
    as(BOARD)
        .body("{\"reason\":\"DPA signed\"}")
        .post("/api/v1/access-requests/{id}/approve", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("APPROVED"));
    grantsApplied(id, false);
    await(
        () -> as(owner).get("/api/v1/access-requests/{id}", id).path("grants[0].outcome"),
        "FAILED");
    as(owner).get("/api/v1/access-requests/{id}", id).then().body("status", equalTo("APPROVED"));

    String second =
        request(consumer, requestBody(product, "[]", Instant.now().plus(5, ChronoUnit.DAYS)));
    as(owner)
        .body("{\"contractId\":\"" + contract + "\",\"contractVersion\":\"1.0.0\"}")
        .post("/api/v1/access-requests/{id}/propose", second)
        .then()
        .statusCode(200);
    as(owner)
        .post("/api/v1/access-requests/{id}/accept", second)
        .then()
        .statusCode(409)
        .body("code", equalTo("contracts.access.own-offer"));
    as(consumer).post("/api/v1/access-requests/{id}/accept", second).then().statusCode(200);
    checked(second, product, "FAILED", "the product is RETIRED");
    awaitStatus(consumer, second, "REJECTED");
    as(consumer)
        .get("/api/v1/access-requests/{id}", second)
        .then()
        .body("reason", equalTo("Governance: the product is RETIRED"));
  }

  @Test
  void aPublicProductIsApprovedAtOnceAndAnAgreementEndsAtItsExpiry() {
    String id = negotiatedToComplianceCheck();
    checked(id, product, "AUTO_APPROVED", "public");
    awaitStatus(consumer, id, "APPROVED");
    // Expiry is checked against the stored time; make this one due now.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                AccessRequest.update(
                    "expiresAt = ?1 where id = ?2",
                    Instant.now().plusSeconds(2),
                    UUID.fromString(id)));
    grantsApplied(id, true);
    awaitStatus(consumer, id, "ACTIVE");
    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic(AccessEvents.TOPIC),
                r ->
                    id.equals(r.key())
                        && AccessEvents.EXPIRING.type().equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20)))
        .hasSize(1);
    awaitStatus(consumer, id, "EXPIRED");
    as(consumer)
        .get("/api/v1/agreements?product={p}&all=true", product)
        .then()
        .body("status", hasItem("ENDED"));
    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic(AccessEvents.TOPIC),
                r ->
                    id.equals(r.key())
                        && AccessEvents.EXPIRED.type().equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20)))
        .hasSize(1);
  }

  @Test
  void badRequestsSayWhatIsWrongAndOnlyTheRightPeopleAct() {
    AccessFixtures.published(product, domain, ",\"maxAccess\":\"P30D\"");
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/access-requests")
        .then()
        .statusCode(401);
    as(TestTokens.noRoles()).body("{}").post("/api/v1/access-requests").then().statusCode(403);
    String ok =
        request(consumer, requestBody(product, "[]", Instant.now().plus(1, ChronoUnit.DAYS)));
    as(consumer)
        .body(
            requestBody(
                product, "[\"customer_id\",\"ssn\"]", Instant.now().plus(60, ChronoUnit.DAYS)))
        .post("/api/v1/access-requests")
        .then()
        .statusCode(422)
        .body("violations.field", contains("fields[1]", "expiresAt"))
        .body("violations[1].message", containsString("30 days"));
    as(consumer)
        .body("{\"product\":\"nope\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}")
        .post("/api/v1/access-requests")
        .then()
        .statusCode(422)
        .body("violations.field", contains("product", "purpose"));
    as(consumer)
        .body("{\"contractId\":\"x\",\"contractVersion\":\"1.0.0\"}")
        .post("/api/v1/access-requests/{id}/propose", ok)
        .then()
        .statusCode(403);
    as(TestTokens.domainOwner("elsewhere"))
        .get("/api/v1/access-requests/{id}", ok)
        .then()
        .statusCode(403);
    as(TestTokens.domainOwner("elsewhere"))
        .body("{\"reason\":\"no\"}")
        .post("/api/v1/access-requests/{id}/reject", ok)
        .then()
        .statusCode(403);
    as(owner).get("/api/v1/access-requests?product={p}", product).then().body("id", hasItem(ok));
    as(owner)
        .body("{\"reason\":\"not for churn models\"}")
        .post("/api/v1/access-requests/{id}/reject", ok)
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("next", hasSize(0));
  }

  private static void await(Callable<Object> value, Object expected) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> expected.equals(value.call()));
  }
}
