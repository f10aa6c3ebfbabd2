package io.meshwork.catalog;

import static io.restassured.RestAssured.given;

import io.meshwork.events.governance.GovernanceEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Domains, product specs and governance decisions for the catalog's tests. */
public final class CatalogFixtures {

  public static final String ADMIN = TestTokens.platformAdmin();

  private CatalogFixtures() {}

  /** The seed's customer_360 document, verbatim. */
  public static String seedYaml() {
    try (InputStream in = CatalogFixtures.class.getResourceAsStream("/specs/customer_360.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new domain, made by a platform admin; its name is unique to the test. */
  public static String newDomain() {
    String name = Fixtures.newName("dom");
    createDomain(name, name + "-team");
    return name;
  }

  public static void createDomain(String name, String ownerTeam) {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body("{\"name\":\"" + name + "\",\"ownerTeam\":\"" + ownerTeam + "\"}")
        .when()
        .post("/api/v1/domains")
        .then()
        .statusCode(201);
  }

  /** A small valid spec of {@code name} in {@code domain}, at {@code version}. */
  public static String spec(String name, String domain, String version, String extraFields) {
    return """
        product:
          name: %s
          domain: %s
          owner: %s-team
          version: %s
          description: Customers and their segments
          tags: [crm, pii]
        schema:
          - name: customer_id
            type: string
            constraints:
              required: true
          - name: segment
            type: string
        %s
        service:
          freshness: 24h
          availability: 99.9%%
          latency: 1h
        lineage:
          sources:
            - crm_system/v2/customers
        """
        .formatted(name, domain, domain, version, extraFields == null ? "" : extraFields);
  }

  public static ValidatableResponse put(String token, String name, String yaml) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/yaml")
        .body(yaml.getBytes(StandardCharsets.UTF_8))
        .when()
        .put("/api/v1/data-products/{name}", name)
        .then();
  }

  public static ValidatableResponse transition(String token, String name, String step) {
    return given()
        .auth()
        .oauth2(token)
        .when()
        .post("/api/v1/data-products/{name}/" + step, name)
        .then();
  }

  /** Governance's decision on a product's review round, as governance-service sends it. */
  public static void decide(
      String product, String domain, String version, int round, String decision) {
    TestKafka.sendCloudEvent(
        TestKafka.topic(GovernanceEvents.REVIEW_TOPIC),
        product,
        UUID.randomUUID().toString(),
        GovernanceEvents.REVIEW_DECIDED.type(),
        GovernanceEvents.SOURCE,
        """
        {"reviewId":"%s","product":"%s","domain":"%s","version":"%s","round":%d,
         "decision":"%s","decidedBy":"greta","comment":"checked","findings":[],
         "decidedAt":"2026-12-01T10:00:00Z"}
        """
            .formatted(UUID.randomUUID(), product, domain, version, round, decision));
  }
}
