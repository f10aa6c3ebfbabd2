package io.meshwork.catalog.domain;

import static io.meshwork.catalog.CatalogFixtures.ADMIN;
import static io.meshwork.catalog.CatalogFixtures.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Domains: made by platform admins only, listed as the seed's Domain Ownership Matrix. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class DomainResourceTest {

  private static String product(String name, String domain, String availability, String latency) {
    return """
        product: {name: %s, domain: %s, owner: payments-team, version: 1.0.0}
        schema: [{name: id, type: string}]
        service: {freshness: 24h, availability: "%s", latency: %s}
        """
        .formatted(name, domain, availability, latency);
  }

  @Test
  void onlyPlatformAdminsCreateDomainsAndEachNameOnce() {
    String name = Fixtures.newName("payments");
    String body = "{\"name\":\"" + name + "\",\"ownerTeam\":\"Payments Team\"}";
    given()
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/domains")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.domainOwner(name))
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/domains")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/domains")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/domains/" + name));
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/domains")
        .then()
        .statusCode(409)
        .body("code", equalTo("catalog.domain.exists"));
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body("{\"name\":\"Bad Name\",\"ownerTeam\":\"\"}")
        .when()
        .post("/api/v1/domains")
        .then()
        .statusCode(422)
        .body("violations.field", contains("name", "ownerTeam"));
    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic(CatalogEvents.DOMAIN_TOPIC),
                record -> name.equals(record.key()),
                Duration.ofSeconds(20)))
        .hasSize(1);
  }

  @Test
  void theMatrixShowsEachDomainsTeamProductsAndWeakestServiceLevels() {
    String domain = Fixtures.newName("transactions");
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body("{\"name\":\"" + domain + "\",\"ownerTeam\":\"Payments Team\"}")
        .when()
        .post("/api/v1/domains")
        .then()
        .statusCode(201);
    String owner = TestTokens.domainOwner(domain);
    put(
            owner,
            "payment_events_" + domain,
            product("payment_events_" + domain, domain, "99.9%", "30m"))
        .statusCode(201);
    put(owner, "refunds_" + domain, product("refunds_" + domain, domain, "99.5%", "1h"))
        .statusCode(201);
    given()
        .auth()
        .oauth2(TestTokens.consumer("anything"))
        .when()
        .get("/api/v1/domains/{d}", domain)
        .then()
        .statusCode(200)
        .body("ownerTeam", equalTo("Payments Team"))
        .body("dataProducts.name", contains("payment_events_" + domain, "refunds_" + domain))
        .body("dataProducts[0].status", equalTo("DRAFT"))
        .body("sla.availability", equalTo("99.5%"))
        .body("sla.latency", equalTo("1h"))
        .body("sla.text", equalTo("99.5% availability, <1h latency, data under 24h old"));
    given()
        .auth()
        .oauth2(TestTokens.consumer("anything"))
        .when()
        .get("/api/v1/domains")
        .then()
        .statusCode(200)
        .body("name", hasItem(domain));
  }
}
