package io.meshwork.contracts.contract.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.meshwork.testing.Fixtures;
import io.meshwork.testing.InternalText;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract tests that fail on the database's side, against the real PostgreSQL: the answer and the
 * stored results say why in our words with a log reference, never with the driver's message (its
 * host, port, SQL state or classes).
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ContractTestFailureTest {

  private static final String OWNER = TestTokens.domainOwner("marketing");
  private static final String REFERENCE = " \\(reference [0-9a-f-]{36}\\)";
  private static String schema;
  private static URI database;

  @BeforeAll
  static void dataset() throws Exception {
    String jdbcUrl =
        ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    database = URI.create(jdbcUrl.substring("jdbc:".length()));
    schema = "lake_" + Fixtures.randomSuffix(6);
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
      statement.execute("CREATE TABLE " + schema + ".orders (order_id text, amount numeric)");
      statement.execute("INSERT INTO " + schema + ".orders VALUES ('o1', 10), ('o2', 20)");
    }
  }

  private static String contract(String id, int port) {
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
              - {name: row_count, metric: rowCount, mustBeGreaterThan: 0}
              - {name: missing_table, type: sql, query: "SELECT count(*) FROM no_such_table_x", mustBe: 0}
              - {name: missing_column, type: sql, query: "SELECT count(no_such_column) FROM {object}", mustBe: 0}
              - {name: not_sql, type: sql, query: "SELEKT 1", mustBe: 0}
              - {name: not_a_number, type: sql, query: "SELECT 'many' FROM {object}", mustBe: 0}
            properties:
              - {name: order_id, logicalType: string}
        servers:
          - {server: local, type: postgres, host: 127.0.0.1, port: %d, database: %s, schema: %s}
        """
        .formatted(id, port, database.getPath().substring(1), schema);
  }

  private static void create(String yaml) {
    given()
        .auth()
        .oauth2(OWNER)
        .contentType("application/yaml")
        .body(yaml.getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(201);
  }

  @Test
  void failingQueriesAreReportedInOurWordsWithAReference() {
    String id = "marketing." + Fixtures.newName("orders");
    create(contract(id, database.getPort()));

    String body =
        given()
            .auth()
            .oauth2(OWNER)
            .when()
            .post("/api/v1/contracts/{id}/tests", id)
            .then()
            .statusCode(201)
            .body("outcome", equalTo("failed"))
            .extract()
            .asString();
    InternalText.assertReference(body);
    InternalText.assertNone(body, String.valueOf(database.getPort()));

    String stored =
        given()
            .auth()
            .oauth2(TestTokens.consumer())
            .when()
            .get("/api/v1/contracts/{id}/tests", id)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    InternalText.assertReference(stored);
    InternalText.assertNone(stored, String.valueOf(database.getPort()));

    List<Map<String, Object>> results =
        given()
            .auth()
            .oauth2(TestTokens.consumer())
            .when()
            .get("/api/v1/contracts/{id}/tests", id)
            .then()
            .extract()
            .path("[0].results");
    Map<String, Map<String, Object>> byRule = new HashMap<>();
    results.forEach(r -> byRule.put((String) r.get("rule"), r));
    assertThat(byRule.get("row_count")).containsEntry("status", "passed");
    assertThat(message(byRule, "missing_table"))
        .matches("query failed: the query names a table that does not exist" + REFERENCE);
    assertThat(message(byRule, "missing_column"))
        .matches("query failed: the query names a column that does not exist" + REFERENCE);
    assertThat(message(byRule, "not_sql"))
        .matches("query failed: the query is not valid SQL" + REFERENCE);
    assertThat(message(byRule, "not_a_number"))
        .matches("query failed: the query's first column is not a number" + REFERENCE);
    for (String rule : List.of("missing_table", "missing_column", "not_sql", "not_a_number")) {
      assertThat(byRule.get(rule)).containsEntry("status", "failed");
    }
  }

  @Test
  void aDatabaseThatRefusesConnectionsIs422InOurWordsWithAReference() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String id = "marketing." + Fixtures.newName("orders");
    create(contract(id, closed));

    String body =
        given()
            .auth()
            .oauth2(OWNER)
            .when()
            .post("/api/v1/contracts/{id}/tests", id)
            .then()
            .statusCode(422)
            .contentType("application/problem+json")
            .body("code", equalTo("contracts.test.dataset-unreachable"))
            .extract()
            .asString();
    InternalText.assertReference(body);
    InternalText.assertNone(body, String.valueOf(closed), String.valueOf(database.getPort()));
    String detail =
        given()
            .auth()
            .oauth2(OWNER)
            .when()
            .post("/api/v1/contracts/{id}/tests", id)
            .then()
            .statusCode(422)
            .extract()
            .path("detail");
    assertThat(detail)
        .matches(
            "Cannot read the dataset of server 'local': the database does not accept connections"
                + REFERENCE);
  }

  private static String message(Map<String, Map<String, Object>> byRule, String rule) {
    return (String) byRule.get(rule).get("message");
  }
}
