package io.meshwork.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.meshwork.testing.Fixtures;
import io.meshwork.testing.KeycloakTokens;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access to a data product across catalog-service, governance-service, contract-registry and
 * provisioning-service, with Keycloak's real users: finn's sales team publishes a product with a
 * real table behind it; cody (marketing) asks for two of its fields; finn offers a contract
 * version, cody accepts, governance finds no personal data, finn approves; the grant is made on the
 * warehouse and cody reads exactly those fields with the login handed out once; finn revokes, and
 * cody's SELECT is refused again.
 */
class AccessAgreementIT {

  private static ServiceEnvironment environment;
  private static ServiceProcess catalog;
  private static ServiceProcess governance;
  private static ServiceProcess provisioning;
  private static ServiceProcess contracts;
  private static KeycloakTokens tokens;
  private static final String PRODUCT = Fixtures.newName("segments");
  private static final String PORT = PRODUCT + "_rows";

  @BeforeAll
  static void startServices() {
    environment = ServiceEnvironment.create();
    catalog = environment.start("catalog-service");
    governance = environment.start("governance-service");
    provisioning = environment.start("provisioning-service");
    contracts = environment.start("contract-registry");
    tokens = environment.tokens();
  }

  @AfterAll
  static void stopServices() {
    if (provisioning != null) {
      as(provisioning, "finn")
          .header("Prefer", "wait=30")
          .delete("/api/v1/datasets/sales/{n}", PORT);
    }
    for (ServiceProcess service :
        new ServiceProcess[] {contracts, provisioning, governance, catalog}) {
      if (service != null) {
        service.close();
      }
    }
    if (environment != null) {
      environment.close();
    }
  }

  private static RequestSpecification as(ServiceProcess service, String user) {
    return given()
        .baseUri(service.baseUrl())
        .auth()
        .oauth2(tokens.user(user))
        .contentType(ContentType.JSON);
  }

  private static void awaitProduct(String status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                status.equals(
                    as(catalog, "finn").get("/api/v1/data-products/{n}", PRODUCT).path("status")));
  }

  private static void awaitRequest(String id, String status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                status.equals(
                    as(contracts, "cody").get("/api/v1/access-requests/{id}", id).path("status")));
  }

  private static void publishProduct() throws SQLException {
    as(catalog, "ada")
        .body("{\"name\":\"sales\",\"ownerTeam\":\"crm-team\"}")
        .post("/api/v1/domains")
        .then()
        .statusCode(anyOf(is(201), is(409)));
    as(provisioning, "finn")
        .header("Prefer", "wait=30")
        .body(
            "{\"name\":\""
                + PORT
                + "\",\"domain\":\"sales\",\"storage\":\"postgres://\","
                + "\"schemaDefinition\":[{\"name\":\"customer_id\",\"type\":\"string\"},"
                + "{\"name\":\"segment\",\"type\":\"string\"},{\"name\":\"email\",\"type\":\"string\"}]}")
        .post("/api/v1/datasets")
        .then()
        .statusCode(201)
        .body("state", equalTo("READY"));
    try (Connection warehouse = warehouse(environment.infra().require("postgres.user"), "");
        Statement pipeline = warehouse.createStatement()) {
      pipeline.execute(
          "INSERT INTO sales." + PORT + " VALUES ('CUST-1', 'gold', 'ann@example.com')");
    }
    String spec =
        """
        product:
          name: %s
          domain: sales
          owner: crm-team
          version: 1.0.0
          classification: internal
          maxAccess: P90D
        schema:
          - {name: customer_id, type: string, description: The customer}
          - {name: segment, type: string, description: Their segment}
          - {name: email, type: string, description: Contact, tags: [pii]}
        outputPorts:
          - sales/%s
        """
            .formatted(PRODUCT, PORT);
    as(catalog, "finn")
        .contentType("application/yaml")
        .body(spec.getBytes(StandardCharsets.UTF_8))
        .put("/api/v1/data-products/{n}", PRODUCT)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201);
    as(catalog, "finn").post("/api/v1/data-products/{n}/submit", PRODUCT).then().statusCode(200);
    String[] review = new String[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              review[0] =
                  as(governance, "greta")
                      .queryParam("product", PRODUCT)
                      .get("/api/v1/reviews")
                      .path("[0].id");
              return review[0] != null;
            });
    as(governance, "greta")
        .body("{\"comment\":\"fine\"}")
        .post("/api/v1/reviews/{id}/approve", review[0])
        .then()
        .statusCode(200);
    awaitProduct("APPROVED");
    as(catalog, "finn").post("/api/v1/data-products/{n}/publish", PRODUCT).then().statusCode(200);
    awaitProduct("PUBLISHED");
  }

  @Test
  void aConsumerGetsExactlyTheAgreedFieldsForRealUntilTheProducerRevokes() throws Exception {
    publishProduct();
    String contract = "urn:contract:" + PRODUCT;
    as(contracts, "finn")
        .contentType("application/yaml")
        .body(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: %s
            name: Segments
            version: 1.0.0
            status: active
            domain: sales
            schema:
              - name: segments
                logicalType: object
                properties:
                  - {name: customer_id, logicalType: string, required: true}
                  - {name: segment, logicalType: string}
            """
                .formatted(contract)
                .getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/contracts")
        .then()
        .statusCode(201);

    String body =
        "{\"product\":\""
            + PRODUCT
            + "\",\"fields\":[\"customer_id\",\"segment\"],"
            + "\"purpose\":\"campaign targeting\",\"expiresAt\":\""
            + Instant.now().plus(30, ChronoUnit.DAYS)
            + "\"}";
    given()
        .baseUri(contracts.baseUrl())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/access-requests")
        .then()
        .statusCode(401);
    String[] id = new String[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              var answer = as(contracts, "cody").body(body).post("/api/v1/access-requests");
              id[0] = answer.statusCode() == 201 ? answer.path("id") : null;
              return id[0] != null;
            });
    as(provisioning, "cody")
        .post("/api/v1/grants/credentials/{p}", "consumer_marketing")
        .then()
        .statusCode(404);

    as(contracts, "finn")
        .body(
            "{\"contractId\":\""
                + contract
                + "\",\"contractVersion\":\"1.0.0\","
                + "\"sla\":{\"freshness\":\"24h\"}}")
        .post("/api/v1/access-requests/{id}/propose", id[0])
        .then()
        .statusCode(200);
    as(contracts, "cody").post("/api/v1/access-requests/{id}/accept", id[0]).then().statusCode(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                "PASSED"
                    .equals(
                        as(contracts, "finn")
                            .get("/api/v1/access-requests/{id}", id[0])
                            .path("compliance")));
    as(contracts, "mara")
        .post("/api/v1/access-requests/{id}/approve", id[0])
        .then()
        .statusCode(403);
    as(contracts, "finn")
        .post("/api/v1/access-requests/{id}/approve", id[0])
        .then()
        .statusCode(200);
    awaitRequest(id[0], "ACTIVE");
    as(contracts, "cody")
        .get("/api/v1/access-requests/{id}", id[0])
        .then()
        .body("grants[0].outcome", equalTo("APPLIED"))
        .body("grants[0].privileges", equalTo("SELECT (customer_id, segment)"));

    String password =
        as(provisioning, "cody")
            .post("/api/v1/grants/credentials/{p}", "consumer_marketing")
            .then()
            .statusCode(200)
            .extract()
            .path("password");
    String table = "sales." + PORT;
    try (Connection c = warehouse("consumer_marketing", password);
        Statement sql = c.createStatement()) {
      try (ResultSet rows = sql.executeQuery("SELECT customer_id, segment FROM " + table)) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(2)).isEqualTo("gold");
      }
      assertThatThrownBy(() -> sql.executeQuery("SELECT email FROM " + table))
          .hasMessageContaining("permission denied");
    }

    as(contracts, "finn")
        .body("{\"reason\":\"campaign over\"}")
        .post("/api/v1/access-requests/{id}/revoke", id[0])
        .then()
        .statusCode(200)
        .body("status", equalTo("REVOKED"));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                "REVOKED"
                    .equals(
                        as(contracts, "cody")
                            .get("/api/v1/access-requests/{id}", id[0])
                            .path("grants[0].outcome")));
    try (Connection c = warehouse("consumer_marketing", password);
        Statement sql = c.createStatement()) {
      assertThatThrownBy(() -> sql.executeQuery("SELECT customer_id FROM " + table))
          .hasMessageContaining("permission denied");
    }
  }

  private static Connection warehouse(String user, String password) throws SQLException {
    return DriverManager.getConnection(environment.jdbcUrl("warehouse"), user, password);
  }
}
