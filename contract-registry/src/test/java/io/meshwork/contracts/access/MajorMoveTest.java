package io.meshwork.contracts.access;

import static io.meshwork.contracts.access.AccessFixtures.as;
import static io.meshwork.contracts.access.AccessFixtures.awaitStatus;
import static io.meshwork.contracts.access.AccessFixtures.checked;
import static io.meshwork.contracts.access.AccessFixtures.grantsApplied;
import static io.meshwork.contracts.access.AccessFixtures.request;
import static io.meshwork.contracts.access.AccessFixtures.requestBody;
import static io.meshwork.contracts.access.AccessFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * A producer moves signed consumers to a new major only through them: the old major is deprecated
 * with a sunset date, the new one goes beside it, and a consumer's new agreement on it supersedes
 * the old one.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class MajorMoveTest {

  private final String domain = unique("sales");
  private final String product = unique("segments_");
  private final String owner = TestTokens.domainOwner(domain);
  private final String consumer =
      TestTokens.user("carl").roles("data-consumer").domains("marketing").sign();
  private final String contract = "urn:contract:" + product;

  @Test
  void aConsumerMovesToTheNewMajorThroughANewAgreementThatSupersedesTheOld() {
    AccessFixtures.published(product, domain, "");
    AccessFixtures.activeContract(owner, contract, domain);
    String first = agreed("1.0.0");

    as(owner)
        .body(
            "{\"status\":\"deprecated\",\"reason\":\"segment becomes a code\",\"sunsetAt\":\""
                + Instant.now().plus(60, ChronoUnit.DAYS)
                + "\"}")
        .post("/api/v1/contracts/{id}/versions/1.0.0/status", contract)
        .then()
        .statusCode(200);
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
        .statusCode(201);
    // The old agreement stands until the consumer signs the new major.
    as(consumer)
        .get("/api/v1/access-requests/{id}", first)
        .then()
        .body("status", equalTo("ACTIVE"));

    String second = agreed("2.0.0");
    awaitStatus(consumer, first, "REVOKED");
    as(consumer)
        .get("/api/v1/access-requests/{id}", first)
        .then()
        .body("reason", containsString("superseded by access request " + second));
    as(consumer)
        .get("/api/v1/agreements?product={p}", product)
        .then()
        .body("major", contains(2))
        .body("accessRequest", contains(second));
    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic(AccessEvents.TOPIC),
                r ->
                    first.equals(r.key())
                        && AccessEvents.REVOKED.type().equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20)))
        .as("provisioning is told to take the old grants back")
        .hasSize(1);
  }

  /** A request through to ACTIVE on {@code version}; returns its id. */
  private String agreed(String version) {
    String id =
        request(
            consumer,
            requestBody(product, "[\"customer_id\"]", Instant.now().plus(10, ChronoUnit.DAYS)));
    as(owner)
        .body("{\"contractId\":\"" + contract + "\",\"contractVersion\":\"" + version + "\"}")
        .post("/api/v1/access-requests/{id}/propose", id)
        .then()
        .statusCode(200);
    as(consumer).post("/api/v1/access-requests/{id}/accept", id).then().statusCode(200);
    checked(id, product, "AUTO_APPROVED", "public");
    awaitStatus(consumer, id, "APPROVED");
    grantsApplied(id, true);
    awaitStatus(consumer, id, "ACTIVE");
    return id;
  }
}
