package io.meshwork.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.meshwork.testing.Fixtures;
import io.meshwork.testing.KeycloakTokens;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Foundation's vertical slice across real processes: provisioning-service and catalog-service
 * as packaged jars on one PostgreSQL and one Kafka broker, with tokens from the real Keycloak. POST
 * a dataset to provisioning; the outbox relays it as a CloudEvent; the catalog lists it.
 */
class DatasetRequestFlowIT {

  private static ServiceEnvironment environment;
  private static ServiceProcess provisioning;
  private static ServiceProcess catalog;
  private static KeycloakTokens tokens;

  @BeforeAll
  static void startServices() {
    environment = ServiceEnvironment.create();
    provisioning = environment.start("provisioning-service");
    catalog = environment.start("catalog-service");
    tokens = environment.tokens();
  }

  @AfterAll
  static void stopServices() {
    if (catalog != null) {
      catalog.close();
    }
    if (provisioning != null) {
      provisioning.close();
    }
    if (environment != null) {
      environment.close();
    }
  }

  private static String body(String name, String domain) {
    return """
        {"name":"%s","domain":"%s","storage":"s3://data-lake/domain=%s","schema":"urn:schema:customer/v2"}
        """
        .formatted(name, domain, domain);
  }

  @Test
  void datasetRequestedByDomainOwnerReachesTheCatalog() {
    String name = Fixtures.newName("customer_segments");
    String id =
        given()
            .baseUri(provisioning.baseUrl())
            .auth()
            .oauth2(tokens.user("mara"))
            .contentType(ContentType.JSON)
            .body(body(name, "marketing"))
            .when()
            .post("/api/v1/datasets")
            .then()
            .statusCode(202)
            .header("Location", endsWith("/api/v1/datasets/marketing/" + name))
            .body("requestedBy", equalTo("mara"))
            .extract()
            .path("id");

    String consumerToken = tokens.user("cody");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .baseUri(catalog.baseUrl())
                    .auth()
                    .oauth2(consumerToken)
                    .when()
                    .get("/api/v1/datasets/marketing/" + name)
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id))
                    .body("storage", equalTo("s3://data-lake/domain=marketing"))
                    .body("schema", equalTo("urn:schema:customer/v2"))
                    .body("state", equalTo("REQUESTED")));
    given()
        .baseUri(catalog.baseUrl())
        .auth()
        .oauth2(consumerToken)
        .queryParam("domain", "marketing")
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(200)
        .body("name", hasItem(name));
  }

  @Test
  void requestWithoutTokenIs401() {
    given()
        .baseUri(provisioning.baseUrl())
        .contentType(ContentType.JSON)
        .body(body(Fixtures.newDatasetName(), "marketing"))
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("auth.unauthenticated"));
  }

  @Test
  void ownerOfAnotherDomainIs403() {
    given()
        .baseUri(provisioning.baseUrl())
        .auth()
        .oauth2(tokens.user("finn"))
        .contentType(ContentType.JSON)
        .body(body(Fixtures.newDatasetName(), "marketing"))
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("auth.domain-forbidden"));
  }

  @Test
  void consumerMayReadButNotRequest() {
    String token = tokens.user("cody");
    given()
        .baseUri(provisioning.baseUrl())
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body(Fixtures.newDatasetName(), "marketing"))
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(403)
        .body("code", equalTo("auth.forbidden"));
    given()
        .baseUri(catalog.baseUrl())
        .auth()
        .oauth2(token)
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(200);
  }

  @Test
  void realmTokensCarryRolesAndDomains() {
    given()
        .baseUri(catalog.baseUrl())
        .auth()
        .oauth2(tokens.user("finn"))
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("name", equalTo("finn"))
        .body("roles", hasItem("domain-owner"))
        .body("domains", hasItem("finance"))
        .body("domains", hasItem("sales"));
    given()
        .baseUri(provisioning.baseUrl())
        .auth()
        .oauth2(tokens.serviceAccount("catalog"))
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("name", equalTo("service-account-meshwork-catalog"))
        .body("roles", hasItem("platform-service"));
  }
}
