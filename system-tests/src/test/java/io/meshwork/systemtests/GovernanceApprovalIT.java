package io.meshwork.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.meshwork.testing.Fixtures;
import io.meshwork.testing.KeycloakTokens;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's compliance workflow across catalog-service, governance-service and
 * provisioning-service, with Keycloak's real users: the seed's governance.hcl and customer_360 as
 * written; the hard mandate (null_check) sends the product back because nothing measured its
 * customer_id; the team gives it an output port whose real table its pipeline filled, and
 * resubmits; the board approves; the owner publishes; discovery finds it.
 */
class GovernanceApprovalIT {

  private static ServiceEnvironment environment;
  private static ServiceProcess catalog;
  private static ServiceProcess governance;
  private static ServiceProcess provisioning;
  private static KeycloakTokens tokens;
  private static String port;

  @BeforeAll
  static void startServices() {
    environment = ServiceEnvironment.create();
    catalog = environment.start("catalog-service");
    governance = environment.start("governance-service");
    provisioning = environment.start("provisioning-service");
    tokens = environment.tokens();
  }

  @AfterAll
  static void stopServices() {
    if (provisioning != null && port != null) {
      given()
          .baseUri(provisioning.baseUrl())
          .auth()
          .oauth2(tokens.user("mara"))
          .header("Prefer", "wait=30")
          .when()
          .delete("/api/v1/datasets/marketing/{name}", port);
    }
    for (ServiceProcess service : new ServiceProcess[] {provisioning, governance, catalog}) {
      if (service != null) {
        service.close();
      }
    }
    if (environment != null) {
      environment.close();
    }
  }

  private static String read(String... path) throws Exception {
    return Files.readString(Path.of("..", path));
  }

  private static void putSpec(String token, String yaml, int status) {
    given()
        .baseUri(catalog.baseUrl())
        .auth()
        .oauth2(token)
        .contentType("application/yaml")
        .body(yaml.getBytes(StandardCharsets.UTF_8))
        .when()
        .put("/api/v1/data-products/customer_360")
        .then()
        .statusCode(status);
  }

  private static void step(String token, String step) {
    given()
        .baseUri(catalog.baseUrl())
        .auth()
        .oauth2(token)
        .when()
        .post("/api/v1/data-products/customer_360/" + step)
        .then()
        .statusCode(200);
  }

  private static void awaitStatus(String status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                given()
                    .baseUri(catalog.baseUrl())
                    .auth()
                    .oauth2(tokens.user("cody"))
                    .when()
                    .get("/api/v1/data-products/customer_360")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(status)));
  }

  private static JsonPath review(int round) {
    JsonPath[] found = new JsonPath[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonPath reviews =
                  given()
                      .baseUri(governance.baseUrl())
                      .auth()
                      .oauth2(tokens.user("mara"))
                      .queryParam("product", "customer_360")
                      .when()
                      .get("/api/v1/reviews")
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              List<Integer> rounds = reviews.getList("round");
              int index = rounds.indexOf(round);
              found[0] = index < 0 ? null : reviews.setRootPath("[" + index + "]");
              return index >= 0;
            });
    return found[0];
  }

  @Test
  void theSeedsProductGoesBackOnAHardMandateThenPassesReviewAndIsPublished() throws Exception {
    String greta = tokens.user("greta");
    String mara = tokens.user("mara");
    given()
        .baseUri(catalog.baseUrl())
        .auth()
        .oauth2(tokens.user("ada"))
        .contentType(ContentType.JSON)
        .body("{\"name\":\"marketing\",\"ownerTeam\":\"data-team\"}")
        .when()
        .post("/api/v1/domains")
        .then()
        .statusCode(201);
    String ownership =
        "policy \"ownership\" {\n  enforcement_level = \"soft-mandate\"\n"
            + "  rules = { \"owner_exists\" = {} }\n}\n";
    for (Map.Entry<String, String> policy :
        Map.of(
                "governance",
                read(
                    "governance-service", "src", "test", "resources", "policies", "governance.hcl"),
                "ownership",
                ownership)
            .entrySet()) {
      given()
          .baseUri(governance.baseUrl())
          .auth()
          .oauth2(greta)
          .contentType("application/hcl")
          .body(policy.getValue().getBytes(StandardCharsets.UTF_8))
          .when()
          .put("/api/v1/policies/{name}", policy.getKey())
          .then()
          .statusCode(201);
    }

    // Round 1: the seed's document as written. Nothing has measured customer_id.
    String seed = read("catalog-service", "src", "test", "resources", "specs", "customer_360.yaml");
    putSpec(mara, seed, 201);
    step(mara, "submit");
    awaitStatus("CHANGES_REQUESTED");
    JsonPath first = review(1);
    assertThat(first.getString("status")).isEqualTo("CHANGES_REQUESTED");
    assertThat(first.getString("decidedBy")).isEqualTo("governance-service");
    assertThat(first.getString("findings.find { it.rule == 'null_check' }.outcome"))
        .isEqualTo("failed");
    assertThat(first.getString("findings.find { it.rule == 'null_check' }.remediation"))
        .startsWith("Measure customer_id: name an output port");
    // The owner is the seed's data-team@company.com: a Keycloak group (team) with that address.
    assertThat(first.getString("findings.find { it.rule == 'owner_exists' }.outcome"))
        .isEqualTo("passed");
    assertThat(first.getString("findings.find { it.rule == 'owner_exists' }.evidence"))
        .isEqualTo("Keycloak group /data-team <data-team@company.com>");

    // The fix: an output port provisioned for real, which the team's pipeline fills.
    port = Fixtures.newName("customer_360_rows");
    given()
        .baseUri(provisioning.baseUrl())
        .auth()
        .oauth2(mara)
        .contentType(ContentType.JSON)
        .header("Prefer", "wait=30")
        .body(
            "{\"name\":\""
                + port
                + "\",\"domain\":\"marketing\",\"storage\":\"postgres://\","
                + "\"schemaDefinition\":[{\"name\":\"customer_id\",\"type\":\"string\"},"
                + "{\"name\":\"lifetime_value\",\"type\":\"decimal\"}]}")
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(201)
        .body("state", equalTo("READY"));
    try (Connection warehouse =
            DriverManager.getConnection(
                environment.jdbcUrl("warehouse"),
                environment.infra().require("postgres.user"),
                "");
        Statement pipeline = warehouse.createStatement()) {
      pipeline.execute(
          "INSERT INTO marketing."
              + port
              + " (customer_id, lifetime_value)"
              + " SELECT 'CUST-' || lpad(i::text, 8, '0'), i FROM generate_series(1, 500) i");
    }
    String fixed =
        seed.replace("version: 1.2.0", "version: 1.3.0")
            + "\noutputPorts:\n  - marketing/"
            + port
            + "\n";
    putSpec(mara, fixed, 200);
    // governance-service learns of the new port from provisioning's event: under load that can
    // come after the submit. A dry run shows when it has (nothing fails any more).
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                given()
                    .baseUri(governance.baseUrl())
                    .auth()
                    .oauth2(mara)
                    .contentType("application/yaml")
                    .body(fixed.getBytes(StandardCharsets.UTF_8))
                    .when()
                    .post("/api/v1/evaluations")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("findings.findAll { it.outcome == 'failed' }")
                    .isEmpty());
    step(mara, "submit");

    // Round 2: the rows are the evidence; the board approves.
    JsonPath second = review(2);
    assertThat(second.getString("status")).as("round 2: %s", second.prettify()).isEqualTo("OPEN");
    assertThat(second.getString("previousReview")).isEqualTo(first.getString("id"));
    assertThat(second.getString("findings.find { it.rule == 'null_check' }.outcome"))
        .isEqualTo("passed");
    assertThat(second.getString("findings.find { it.rule == 'null_check' }.evidence"))
        .startsWith(
            "customer_id: 100.0% non-null of 500 rows (counted in table warehouse.marketing."
                + port);
    assertThat(second.getString("findings.find { it.rule == 'gdpr_compliance' }.outcome"))
        .isEqualTo("warned");
    given()
        .baseUri(governance.baseUrl())
        .auth()
        .oauth2(mara)
        .contentType(ContentType.JSON)
        .body("{\"comment\":\"mine\"}")
        .when()
        .post("/api/v1/reviews/{id}/approve", second.getString("id"))
        .then()
        .statusCode(403);
    given()
        .baseUri(governance.baseUrl())
        .auth()
        .oauth2(greta)
        .contentType(ContentType.JSON)
        .body("{\"comment\":\"measured and owned; declare regions in the next version\"}")
        .when()
        .post("/api/v1/reviews/{id}/approve", second.getString("id"))
        .then()
        .statusCode(200)
        .body("status", equalTo("APPROVED"));
    awaitStatus("APPROVED");
    step(mara, "publish");
    awaitStatus("PUBLISHED");

    given()
        .baseUri(catalog.baseUrl())
        .auth()
        .oauth2(tokens.user("cody"))
        .queryParam("q", "customer_360")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("results[0].name", equalTo("customer_360"))
        .body("results[0].version", equalTo("1.3.0"));
    given()
        .baseUri(governance.baseUrl())
        .auth()
        .oauth2(greta)
        .queryParam("product", "customer_360")
        .when()
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body(
            "action",
            contains("EVALUATED", "CHANGES_REQUESTED", "EVALUATED", "REVIEW_OPENED", "APPROVED"))
        .body("[4].actor", equalTo("greta"))
        .body("[4].details.comment", containsString("measured and owned"))
        .body("[0].policies.document", hasItem("governance"));
  }
}
