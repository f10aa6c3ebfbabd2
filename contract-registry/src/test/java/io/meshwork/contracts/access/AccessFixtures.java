package io.meshwork.contracts.access;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.governance.GovernanceEvents;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Products, contracts and the other services' answers, as the access tests need them. */
final class AccessFixtures {

  static final String BOARD = TestTokens.user("greta").roles("governance-board").sign();

  private AccessFixtures() {}

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType("application/json");
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  /** catalog-service's PUBLISHED event of a product with fields customer_id, segment, email. */
  static void published(String product, String domain, String extraProduct) {
    String payload =
        """
        {"name":"%s","domain":"%s","owner":"team@company.com","version":"1.0.0",
         "sources":[],"transformations":[],"outputPorts":["%s/%s"],
         "spec":{"product":{"name":"%s","domain":"%s","owner":"team@company.com","version":"1.0.0"%s},
                 "schema":[{"name":"customer_id","type":"string"},{"name":"segment","type":"string"},
                           {"name":"email","type":"string","tags":["pii"]}]},
         "publishedBy":"mara","publishedAt":"%s"}
        """
            .formatted(
                product, domain, domain, product, product, domain, extraProduct, Instant.now());
    TestKafka.sendCloudEvent(
        TestKafka.topic(CatalogEvents.DATA_PRODUCT_TOPIC),
        product,
        UUID.randomUUID().toString(),
        CatalogEvents.PUBLISHED.type(),
        CatalogEvents.SOURCE,
        payload);
  }

  /** An active ODCS contract of {@code domain}. */
  static void activeContract(String owner, String id, String domain) {
    as(owner)
        .contentType("application/yaml")
        .body(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: %s
            name: Segments
            version: 1.0.0
            status: active
            domain: %s
            schema:
              - name: segments
                logicalType: object
                properties:
                  - {name: customer_id, logicalType: string, required: true}
                  - {name: segment, logicalType: string}
            """
                .formatted(id, domain)
                .getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/contracts")
        .then()
        .statusCode(201);
  }

  /** Posts the request once the product's event has arrived; returns the request's id. */
  static String request(String token, String body) {
    Response[] last = new Response[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last[0] = as(token).body(body).post("/api/v1/access-requests");
              return last[0].statusCode() != 422
                  || !last[0].asString().contains("must name a published data product");
            });
    last[0].then().statusCode(201);
    return last[0].path("id");
  }

  static String requestBody(String product, String fields, Instant expiresAt) {
    return """
        {"product":"%s","fields":%s,"purpose":"churn model","sla":{"freshness":"24h"},
         "expiresAt":"%s"}
        """
        .formatted(product, fields, expiresAt);
  }

  static void checked(String requestId, String product, String decision, String reason) {
    TestKafka.sendCloudEvent(
        TestKafka.topic(GovernanceEvents.ACCESS_CHECK_TOPIC),
        requestId,
        UUID.randomUUID().toString(),
        GovernanceEvents.ACCESS_CHECKED.type(),
        GovernanceEvents.SOURCE,
        """
        {"requestId":"%s","product":"%s","decision":"%s","reasons":["%s"],"checkedAt":"%s"}
        """
            .formatted(requestId, product, decision, reason, Instant.now()));
  }

  static void grantsApplied(String requestId, boolean complete) {
    TestKafka.sendCloudEvent(
        TestKafka.topic(ProvisioningEvents.GRANT_TOPIC),
        requestId,
        UUID.randomUUID().toString(),
        ProvisioningEvents.GRANTS_APPLIED.type(),
        ProvisioningEvents.SOURCE,
        """
        {"requestId":"%s","principal":"consumer_x","complete":%s,
         "grants":[{"dataset":"d/p","kind":"postgres-table","resource":"postgres://w/d/p",
                    "privileges":"SELECT (customer_id)","outcome":"%s","detail":null}],
         "at":"%s"}
        """
            .formatted(requestId, complete, complete ? "APPLIED" : "FAILED", Instant.now()));
  }

  /** Waits until the request reaches {@code status}, as {@code token} sees it. */
  static void awaitStatus(String token, String id, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> status.equals(as(token).get("/api/v1/access-requests/{id}", id).path("status")));
  }

  static void awaitCompliance(String token, String id, String compliance) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                compliance.equals(
                    as(token).get("/api/v1/access-requests/{id}", id).path("compliance")));
  }
}
