package io.meshwork.contracts.contract.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A contract's quality rules run as SQL against a real PostgreSQL table that has known defects: one
 * null, one duplicate, one invalid status, stale rows.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ContractTestResourceTest {

  private static final String OWNER = TestTokens.domainOwner("marketing");
  private static String schema;

  private static String jdbcUrl() {
    return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
  }

  @BeforeAll
  static void dataset() throws Exception {
    schema = "lake_" + Fixtures.randomSuffix(6);
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
      statement.execute(
          "CREATE TABLE "
              + schema
              + ".orders (order_id text, status text, amount numeric, updated_at timestamptz)");
      statement.execute(
          "INSERT INTO "
              + schema
              + ".orders VALUES"
              + " ('o1', 'PLACED', 10, now() - interval '3 days'),"
              + " ('o2', 'SHIPPED', 20, now() - interval '3 days'),"
              + " ('o2', 'LOST', 5, now() - interval '3 days'),"
              + " (NULL, 'PLACED', 7, now() - interval '3 days')");
    }
  }

  private static String contract(String id) {
    URI db = URI.create(jdbcUrl().substring("jdbc:".length()));
    return """
        apiVersion: v3.1.0
        kind: DataContract
        id: %s
        version: 1.0.0
        status: draft
        domain: marketing
        schema:
          - name: orders
            quality:
              - {name: row_count, metric: rowCount, mustBeBetween: [1, 100]}
              - {name: too_many_rows, metric: rowCount, mustBeGreaterThan: 1000, severity: warning}
            properties:
              - name: order_id
                logicalType: string
                quality:
                  - {name: order_id_not_null, metric: nullValues, mustBe: 0}
                  - {name: order_id_unique, metric: duplicateValues, mustBe: 0, unit: rows}
              - name: status
                logicalType: string
                quality:
                  - {name: status_valid, metric: invalidValues, arguments: {validValues: [PLACED, SHIPPED]}, mustBe: 0}
                  - {name: status_missing_percent, metric: missingValues, arguments: {missingValues: ['', 'N/A']}, mustBeLessThan: 10, unit: percent}
                  - {name: sneaky_delete, type: sql, query: "DELETE FROM {object} RETURNING 1", mustBe: 0}
              - name: updated_at
                logicalType: timestamp
        slaProperties:
          - {property: latency, value: 1, unit: d, element: orders.updated_at}
        servers:
          - {server: local, type: postgres, host: 127.0.0.1, port: %d, database: %s, schema: %s}
        """
        .formatted(id, db.getPort(), db.getPath().substring(1), schema);
  }

  private static ValidatableResponse create(String yaml) {
    return given()
        .auth()
        .oauth2(OWNER)
        .contentType("text/plain")
        .header("Content-Type", "application/yaml")
        .body(yaml.getBytes())
        .when()
        .post("/api/v1/contracts")
        .then();
  }

  @Test
  void qualityRulesRunAsReadOnlySqlAndReportMeasuredValues() throws Exception {
    String id = "marketing." + Fixtures.newName("orders");
    create(contract(id)).statusCode(201);

    List<Map<String, Object>> results =
        given()
            .auth()
            .oauth2(OWNER)
            .when()
            .post("/api/v1/contracts/{id}/tests", id)
            .then()
            .statusCode(201)
            .body("outcome", equalTo("failed"))
            .body("server", equalTo("local"))
            .body("results", hasSize(8))
            .extract()
            .path("results");
    Map<String, Map<String, Object>> byRule = new HashMap<>();
    results.forEach(r -> byRule.put((String) r.get("rule"), r));
    assertThat(byRule.get("row_count"))
        .containsEntry("status", "passed")
        .containsEntry("measured", 4.0f);
    assertThat(byRule.get("too_many_rows")).containsEntry("status", "warning");
    assertThat(byRule.get("order_id_not_null"))
        .containsEntry("status", "failed")
        .containsEntry("measured", 1.0f);
    assertThat(byRule.get("order_id_unique"))
        .containsEntry("status", "failed")
        .containsEntry("measured", 1.0f);
    assertThat(byRule.get("status_valid"))
        .containsEntry("status", "failed")
        .containsEntry("measured", 1.0f);
    assertThat(byRule.get("status_missing_percent"))
        .containsEntry("status", "passed")
        .containsEntry("measured", 0.0f);
    assertThat(byRule.get("freshness")).containsEntry("status", "failed");
    assertThat((String) byRule.get("sneaky_delete").get("message")).contains("read-only");
    assertThat(byRule.get("sneaky_delete")).containsEntry("status", "failed");

    // The read-only session refused the DELETE: all rows are still there.
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM " + schema + ".orders")) {
      count.next();
      assertThat(count.getInt(1)).isEqualTo(4);
    }
    given()
        .auth()
        .oauth2(TestTokens.consumer())
        .when()
        .get("/api/v1/contracts/{id}/tests", id)
        .then()
        .statusCode(200)
        .body("[0].outcome", equalTo("failed"));
  }

  @Test
  void unsafeIdentifiersAndForeignHostsAreRefused() {
    String id = "marketing." + Fixtures.newName("orders");
    create(
            contract(id)
                .replace("physicalName: orders", "")
                .replace("- name: orders", "- name: \"orders; DROP TABLE x\""))
        .statusCode(201);
    given()
        .auth()
        .oauth2(OWNER)
        .when()
        .post("/api/v1/contracts/{id}/tests", id)
        .then()
        .statusCode(422)
        .body("code", equalTo("contracts.test.unsafe-identifier"));
    String foreign = "marketing." + Fixtures.newName("orders");
    create(contract(foreign).replace("host: 127.0.0.1", "host: db.example.com")).statusCode(201);
    given()
        .auth()
        .oauth2(OWNER)
        .when()
        .post("/api/v1/contracts/{id}/tests", foreign)
        .then()
        .statusCode(422)
        .body("code", equalTo("contracts.test.host-not-allowed"));
    given()
        .auth()
        .oauth2(TestTokens.domainOwner("finance"))
        .when()
        .post("/api/v1/contracts/{id}/tests", foreign)
        .then()
        .statusCode(403);
  }
}
