package io.meshwork.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.testing.Fixtures;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * provisioning-service killed (SIGKILL) in the middle of provisioning a table resumes the work when
 * it starts again and reaches READY, with exactly one table and the attempt counted twice.
 */
class ProvisioningRestartIT {

  private static ServiceEnvironment environment;

  @BeforeAll
  static void environment() {
    environment = ServiceEnvironment.create();
  }

  @AfterAll
  static void close() {
    if (environment != null) {
      environment.close();
    }
  }

  private static Connection warehouse() throws Exception {
    return DriverManager.getConnection(environment.jdbcUrl("warehouse"), "postgres", "");
  }

  @Test
  void aServiceKilledMidProvisioningResumesOnRestart() throws Exception {
    String schema = Fixtures.newName("crash");
    String name = Fixtures.newDatasetName();
    String token = environment.tokens().user("ada");
    ServiceProcess first = environment.start("provisioning-service");
    try (Connection blocker = warehouse()) {
      try (Statement statement = blocker.createStatement()) {
        statement.execute("CREATE SCHEMA " + schema);
      }
      // Hold an uncommitted change to the schema's catalog row: the worker's GRANT on the schema
      // waits for it, so provisioning is caught half way (role created, table not yet).
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO PUBLIC");
      }
      given()
          .baseUri(first.baseUrl())
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body(
              "{\"name\":\""
                  + name
                  + "\",\"domain\":\"marketing\",\"storage\":\"postgres://warehouse/"
                  + schema
                  + "\",\"schemaDefinition\":[{\"name\":\"id\",\"type\":\"bigint\",\"primaryKey\":true}]}")
          .when()
          .post("/api/v1/datasets")
          .then()
          .statusCode(202);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> state(first, token, name).getString("state").equals("PROVISIONING"));
      await().atMost(Duration.ofSeconds(10)).until(() -> workerIsWaitingOnTheLock(blocker));
      first.kill();
      blocker.rollback();
    }

    ServiceProcess second = environment.start("provisioning-service");
    try {
      JsonPath settled =
          given()
              .baseUri(second.baseUrl())
              .auth()
              .oauth2(token)
              .queryParam("wait", 30)
              .when()
              .get("/api/v1/datasets/marketing/{n}", name)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(settled.getString("state")).isEqualTo("READY");
      assertThat(settled.getInt("attempts")).isEqualTo(2);
      assertThat(settled.getList("resources.status")).containsOnly("CREATED");
      try (Connection c = warehouse();
          PreparedStatement q =
              c.prepareStatement(
                  "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
        q.setString(1, schema);
        q.setString(2, name);
        try (ResultSet r = q.executeQuery()) {
          r.next();
          assertThat(r.getInt(1)).isEqualTo(1);
        }
      }
    } finally {
      second.close();
    }
  }

  private static JsonPath state(ServiceProcess service, String token, String name) {
    return given()
        .baseUri(service.baseUrl())
        .auth()
        .oauth2(token)
        .when()
        .get("/api/v1/datasets/marketing/{n}", name)
        .then()
        .extract()
        .jsonPath();
  }

  private static boolean workerIsWaitingOnTheLock(Connection blocker) throws Exception {
    try (Statement statement = blocker.createStatement();
        ResultSet r =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = 'warehouse' AND wait_event_type = 'Lock'")) {
      r.next();
      return r.getInt(1) > 0;
    }
  }
}
