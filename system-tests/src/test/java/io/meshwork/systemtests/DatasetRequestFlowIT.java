package io.meshwork.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.meshwork.testing.Fixtures;
import io.meshwork.testing.KeycloakTokens;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's "Dataset Provisioning" call across real processes: contract-registry holds the schema,
 * provisioning-service resolves urn:schema:customer/v2 there and provisions S3 storage, the outbox
 * relays every step as CloudEvents, catalog-service shows the dataset READY with its real
 * resources. Tokens come from the real Keycloak.
 */
class DatasetRequestFlowIT {

  private static ServiceEnvironment environment;
  private static ServiceProcess registry;
  private static ServiceProcess provisioning;
  private static ServiceProcess catalog;
  private static KeycloakTokens tokens;

  @BeforeAll
  static void startServices() {
    environment = ServiceEnvironment.create();
    registry = environment.start("contract-registry");
    provisioning =
        environment.start(
            "provisioning-service",
            Map.of("MESHWORK_PROVISIONING_SCHEMA_REGISTRY_URL", registry.baseUrl()));
    catalog = environment.start("catalog-service");
    tokens = environment.tokens();
  }

  @AfterAll
  static void stopServices() {
    for (ServiceProcess service : new ServiceProcess[] {catalog, provisioning, registry}) {
      if (service != null) {
        service.close();
      }
    }
    if (environment != null) {
      environment.close();
    }
  }

  private static String avro(String extraField) {
    return ("{\"type\":\"record\",\"name\":\"Customer\",\"fields\":[{\"name\":\"customer_id\",\"type\":\"string\"},"
            + "{\"name\":\"segment\",\"type\":{\"type\":\"enum\",\"name\":\"Segment\",\"symbols\":[\"gold\",\"silver\"]}}"
            + extraField
            + "]}")
        .replace("\"", "\\\"");
  }

  private static String body(String name, String subject) {
    return """
        {"name":"%s","domain":"marketing","storage":"s3://data-lake/domain=marketing/%s","schema":"urn:schema:%s/v2"}
        """
        .formatted(name, name, subject);
  }

  @Test
  void seedDatasetRequestIsProvisionedFromARegisteredSchemaAndReachesTheCatalog() {
    String mara = tokens.user("mara");
    String subject = Fixtures.newName("customer");
    for (String schema :
        new String[] {
          avro(""), avro(",{\"name\":\"score\",\"type\":[\"null\",\"int\"],\"default\":null}")
        }) {
      given()
          .baseUri(registry.baseUrl())
          .auth()
          .oauth2(mara)
          .contentType("application/vnd.schemaregistry.v1+json")
          .body("{\"schema\":\"" + schema + "\"}")
          .when()
          .post("/subjects/{s}/versions", subject)
          .then()
          .statusCode(200);
    }

    String name = Fixtures.newName("customer_segments");
    String id =
        given()
            .baseUri(provisioning.baseUrl())
            .auth()
            .oauth2(mara)
            .contentType(ContentType.JSON)
            .body(body(name, subject))
            .when()
            .post("/api/v1/datasets")
            .then()
            .statusCode(202)
            .header("Location", endsWith("/api/v1/datasets/marketing/" + name))
            .body("requestedBy", equalTo("mara"))
            .extract()
            .path("id");

    given()
        .baseUri(provisioning.baseUrl())
        .auth()
        .oauth2(mara)
        .queryParam("wait", 30)
        .when()
        .get("/api/v1/datasets/marketing/{n}", name)
        .then()
        .statusCode(200)
        .body("state", equalTo("READY"))
        .body("resources.uri", hasItem("s3://data-lake/domain=marketing/" + name));

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
                    .body("state", equalTo("READY"))
                    .body("schema", equalTo("urn:schema:" + subject + "/v2"))
                    .body("resources.kind", hasItem("S3_PREFIX"))
                    .body("resources.uri", hasItem("s3://data-lake/domain=marketing/" + name)));
  }

  @Test
  void aSchemaUrnTheRegistryDoesNotKnowIs422() {
    given()
        .baseUri(provisioning.baseUrl())
        .auth()
        .oauth2(tokens.user("mara"))
        .contentType(ContentType.JSON)
        .body(body(Fixtures.newDatasetName(), "nobody-registered-this"))
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(422)
        .body("code", equalTo("provisioning.dataset.unknown-schema"))
        .body("violations[0].field", equalTo("schema"))
        .body("violations[0].message", containsString("not registered"));
  }

  @Test
  void requestWithoutTokenIs401() {
    given()
        .baseUri(provisioning.baseUrl())
        .contentType(ContentType.JSON)
        .body(body(Fixtures.newDatasetName(), "customer"))
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
        .body(body(Fixtures.newDatasetName(), "customer"))
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
        .body(body(Fixtures.newDatasetName(), "customer"))
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
