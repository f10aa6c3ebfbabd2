package io.meshwork.governance.evaluation;

import static io.meshwork.governance.GovernanceFixtures.BOARD;
import static io.meshwork.governance.GovernanceFixtures.localPolicy;
import static io.meshwork.governance.GovernanceFixtures.newDomain;
import static io.meshwork.governance.GovernanceFixtures.newProduct;
import static io.meshwork.governance.GovernanceFixtures.putPolicy;
import static io.meshwork.governance.GovernanceFixtures.spec;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.governance.GovernanceFixtures;
import io.meshwork.governance.rules.Policies;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class EvaluationResourceTest {

  @Inject DataSource dataSource;

  /** A domain whose null_check wants order_id filled in 90% of rows (hard mandate). */
  private static String domainWithNullCheck() {
    String domain = newDomain();
    String id = domain.replace('-', '_');
    putPolicy(
            BOARD,
            "quality_" + id,
            localPolicy(
                domain,
                "quality_" + id,
                "hard-mandate",
                "\"null_check\" = { threshold = 0.9, fields = [\"order_id\"] }"))
        .statusCode(201);
    return domain;
  }

  private static ValidatableResponse dryRun(String token, JsonNode spec) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(spec.toString())
        .when()
        .post("/api/v1/evaluations")
        .then();
  }

  /** A real table in the test database with {@code filled} of {@code rows} order ids set. */
  private String table(String schema, String name, int rows, int filled) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
      statement.execute("CREATE TABLE " + schema + "." + name + " (order_id text, amount numeric)");
      statement.execute(
          "INSERT INTO "
              + schema
              + "."
              + name
              + " SELECT CASE WHEN i <= "
              + filled
              + " THEN 'o' || i END, i FROM generate_series(1, "
              + rows
              + ") i");
      return "postgres://" + connection.getCatalog() + "/" + schema + "/" + name;
    }
  }

  @Test
  void aDryRunCountsTheOutputPortsRealRowsWhenNoMetricWasReported() throws Exception {
    String domain = domainWithNullCheck();
    String port = newProduct();
    String uri = table(domain.replace('-', '_'), port, 200, 150);
    GovernanceFixtures.provisioned(domain, port, uri);
    JsonNode spec =
        spec(newProduct(), domain, "1.0.0", "outputPorts: [" + domain + "/" + port + "]");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                dryRun(TestTokens.domainOwner(domain), spec)
                    .statusCode(200)
                    .body("id", nullValue())
                    .body("outcome", equalTo("failed"))
                    .body("blocking", equalTo(true))
                    .body(
                        "findings.find { it.rule == 'null_check' }.evidence",
                        containsString("order_id: 75.0% non-null of 200 rows (counted in table ")));
  }

  @Test
  void aReportedMetricIsTheEvidenceBeforeTheTable() {
    String domain = domainWithNullCheck();
    String product = newProduct();
    TestKafka.sendCloudEvent(
        TestKafka.topic(ContractEvents.QUALITY_TOPIC),
        product,
        UUID.randomUUID().toString(),
        ContractEvents.QUALITY_MEASURED.type(),
        ContractEvents.SOURCE,
        """
        {"runId":"%s","product":"%s","dataset":"%s/orders","completeness":[
          {"field":"order_id","nonNull":980,"rows":1000}],
         "source":"contract orders-v1 checks","measuredAt":"%s"}
        """
            .formatted(UUID.randomUUID(), product, domain, Instant.now()));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                dryRun(BOARD, spec(product, domain, "1.0.0", null))
                    .statusCode(200)
                    .body("findings.find { it.rule == 'null_check' }.outcome", equalTo("passed"))
                    .body(
                        "findings.find { it.rule == 'null_check' }.evidence",
                        containsString(
                            "order_id: 98.0% non-null of 1000 rows (contract orders-v1 checks on "
                                + domain
                                + "/orders")));
  }

  @Test
  void aPolicyChangeEvaluatesTheProductsOfItsDomainAgain() {
    String domain = newDomain();
    String id = domain.replace('-', '_');
    String product = newProduct();
    GovernanceFixtures.versionCreated(spec(product, domain, "1.0.0", null));
    String document = "names_" + id;
    // Each PUT is a new version (another pattern); the one that finds the product known (the
    // catalog's event consumed) queues it.
    int[] attempt = {0};
    int[] version = {0};
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              attempt[0]++;
              ExtractableResponse<Response> put =
                  putPolicy(
                          BOARD,
                          document,
                          localPolicy(
                              domain,
                              document,
                              "soft-guidance",
                              "\"names\" = { kind = \"naming_pattern\", pattern = \"^v"
                                  + attempt[0]
                                  + "_[a-z0-9]+$\" }"))
                      .extract();
              version[0] = put.path("version");
              return Integer.valueOf(1).equals(put.path("productsQueued"));
            });

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.domainOwner(domain))
                    .queryParam("product", product)
                    .when()
                    .get("/api/v1/evaluations")
                    .then()
                    .statusCode(200)
                    .body("[0].trigger", equalTo("POLICY_CHANGED"))
                    .body("[0].outcome", equalTo("warned"))
                    .body("[0].policies.documentVersion", hasItem(version[0])));
    given()
        .auth()
        .oauth2(TestTokens.domainOwner("elsewhere"))
        .queryParam("product", product)
        .when()
        .get("/api/v1/evaluations")
        .then()
        .statusCode(403);
  }

  @Test
  void theSeedsYamlSpecCanBeEvaluatedAsWritten() {
    given()
        .auth()
        .oauth2(TestTokens.domainOwner("marketing"))
        .contentType("application/yaml")
        .body(Policies.resource("/specs/customer_360.yaml").getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(200)
        .body("product", equalTo("customer_360"))
        .body("domain", equalTo("marketing"))
        .body("version", equalTo("1.2.0"));
    given()
        .auth()
        .oauth2(BOARD)
        .contentType("application/yaml")
        .body("product: [unclosed".getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(400)
        .body("code", equalTo("governance.evaluation.malformed-yaml"));
  }

  @Test
  void aDescriptorThatIsNoSpecIsRefused() {
    ObjectNode notASpec =
        GovernanceFixtures.json("{\"product\":{\"name\":\"Bad Name\"},\"schema\":{}}").deepCopy();

    dryRun(BOARD, notASpec)
        .statusCode(422)
        .body("code", equalTo("governance.evaluation.invalid-descriptor"))
        .body("violations.field", contains("product.name", "product.domain", "schema"));
    given()
        .contentType("application/json")
        .body("{}")
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(401);
    dryRun(TestTokens.noRoles(), notASpec).statusCode(403);
  }
}
