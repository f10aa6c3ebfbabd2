package io.meshwork.provisioning.storage;

import static io.meshwork.provisioning.ProvisioningFixtures.body;
import static io.meshwork.provisioning.ProvisioningFixtures.post;
import static io.meshwork.provisioning.ProvisioningFixtures.settled;
import static io.meshwork.provisioning.ProvisioningFixtures.warehouse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.provisioning.ProvisioningFixtures;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class PostgresProvisioningTest {

  private static final String OWNER = TestTokens.domainOwner("marketing");

  private static List<String> columns(String schema, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection c = warehouse();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns"
                    + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      q.setString(1, schema);
      q.setString(2, table);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          columns.add(r.getString(1));
        }
      }
    }
    return columns;
  }

  private static boolean roleExists(String role) throws SQLException {
    try (Connection c = warehouse();
        PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      q.setString(1, role);
      try (ResultSet r = q.executeQuery()) {
        return r.next();
      }
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = warehouse();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void preferWaitAnswersWithTheProvisionedDatasetInOneRequest() throws Exception {
    String name = ProvisioningFixtures.newName();
    JsonPath created =
        given()
            .auth()
            .oauth2(OWNER)
            .contentType("application/json")
            .header("Prefer", "respond-async, wait=30")
            .body(body(name, "marketing", "postgres://warehouse/marketing", null))
            .when()
            .post("/api/v1/datasets")
            .then()
            .statusCode(201)
            .header("Preference-Applied", "wait=30")
            .header("Location", endsWith("/api/v1/datasets/marketing/" + name))
            .extract()
            .jsonPath();
    assertThat(created.getString("state")).isEqualTo("READY");
    assertThat(created.getList("resources.status")).containsOnly("CREATED");
    assertThat(columns("marketing", name)).hasSize(5);

    // The answer is the dataset as stored.
    assertThat(settled(OWNER, "marketing", name).getMap("")).isEqualTo(created.getMap(""));
    // Its events, in order: requested, provisioning started, provisioned with its resources.
    String id = created.getString("id");
    String topic = TestKafka.topic(ProvisioningEvents.DATASET_TOPIC);
    TestKafka.awaitRecords(
        topic,
        r ->
            id.equals(r.key())
                && ProvisioningEvents.DATASET_PROVISIONED
                    .type()
                    .equals(TestKafka.header(r, "ce_type")),
        Duration.ofSeconds(20));
    List<ConsumerRecord<String, String>> events =
        TestKafka.awaitRecords(topic, r -> id.equals(r.key()), Duration.ofSeconds(20));
    assertThat(events)
        .extracting(r -> TestKafka.header(r, "ce_type"))
        .containsExactly(
            ProvisioningEvents.DATASET_REQUESTED.type(),
            ProvisioningEvents.DATASET_PROVISIONING_STARTED.type(),
            ProvisioningEvents.DATASET_PROVISIONED.type());
    assertThat(events.get(1).value()).contains("\"attempt\":1");
    assertThat(events.get(2).value())
        .contains("\"uri\":\"postgres://warehouse/marketing/" + name + "\"")
        .contains("\"uri\":\"postgres-role://marketing_" + name + "_reader\"")
        .doesNotContain("PENDING");

    // The same request again, still preferring to wait: the existing dataset, settled, 200.
    given()
        .auth()
        .oauth2(OWNER)
        .contentType("application/json")
        .header("Prefer", "wait=5")
        .body(body(name, "marketing", "postgres://warehouse/marketing", null))
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(200)
        .body("state", equalTo("READY"))
        .body("id", equalTo(created.getString("id")));
  }

  @Test
  void createsATableWithConstraintsAndRolesThenRemovesThem() throws Exception {
    String name = ProvisioningFixtures.newName();
    String id =
        post(
                OWNER,
                body(
                    name,
                    "marketing",
                    "postgres://warehouse/marketing",
                    "\"description\":\"Customer segments\""))
            .then()
            .statusCode(202)
            // A free worker took it up with the request: what it will create is noted already.
            .body("state", equalTo("PROVISIONING"))
            .body("attempts", equalTo(1))
            .body("resources.kind", contains("POSTGRES_TABLE", "POSTGRES_ROLE"))
            .body("resources.status", contains("PENDING", "PENDING"))
            .body("storage", equalTo("postgres://warehouse/marketing"))
            .extract()
            .path("id");

    JsonPath ready = settled(OWNER, "marketing", name);
    assertThat(ready.getString("state")).isEqualTo("READY");
    assertThat(ready.getString("provisionedAt")).isNotNull();
    assertThat(ready.getList("resources.kind")).containsExactly("POSTGRES_TABLE", "POSTGRES_ROLE");
    assertThat(ready.getList("resources.uri"))
        .contains(
            "postgres://warehouse/marketing/" + name,
            "postgres-role://marketing_" + name + "_reader");
    assertThat(ready.getList("resources.status")).containsOnly("CREATED");

    assertThat(columns("marketing", name))
        .containsExactly(
            "customer_id text NO",
            "segment text NO",
            "lifetime_value numeric YES",
            "score integer YES",
            "updated_at timestamp with time zone NO");
    assertThat(roleExists("marketing_" + name + "_reader")).isTrue();
    assertThat(roleExists("marketing_owner")).isTrue();
    String table = "marketing." + name;
    execute("INSERT INTO " + table + " VALUES ('CUST-0001', 'it''s', 10.5, 50, now())");
    assertThatThrownBy(
            () -> execute("INSERT INTO " + table + " VALUES ('CUST-0001', 'gold', 1, 1, now())"))
        .hasMessageContaining("duplicate key");
    assertThatThrownBy(
            () -> execute("INSERT INTO " + table + " VALUES ('BAD', 'gold', 1, 1, now())"))
        .hasMessageContaining("check constraint");
    assertThatThrownBy(
            () -> execute("INSERT INTO " + table + " VALUES ('CUST-0002', 'bronze', 1, 1, now())"))
        .hasMessageContaining("check constraint");
    assertThatThrownBy(
            () -> execute("INSERT INTO " + table + " VALUES ('CUST-0003', 'gold', -1, 1, now())"))
        .hasMessageContaining("check constraint");
    assertThatThrownBy(
            () -> execute("INSERT INTO " + table + " VALUES ('CUST-0004', 'gold', 1, 101, now())"))
        .hasMessageContaining("check constraint");
    try (Connection c = warehouse();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT has_table_privilege(?, ?, 'SELECT'), has_table_privilege(?, ?, 'INSERT')")) {
      q.setString(1, "marketing_" + name + "_reader");
      q.setString(2, table);
      q.setString(3, "marketing_" + name + "_reader");
      q.setString(4, table);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        assertThat(r.getBoolean(1)).as("reader may select").isTrue();
        assertThat(r.getBoolean(2)).as("reader may not insert").isFalse();
      }
    }

    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic(ProvisioningEvents.DATASET_TOPIC),
                r ->
                    id.equals(r.key())
                        && ProvisioningEvents.DATASET_PROVISIONED
                            .type()
                            .equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20)))
        .singleElement()
        .satisfies(r -> assertThat(r.value()).contains("postgres://warehouse/marketing/" + name));

    given()
        .auth()
        .oauth2(OWNER)
        .when()
        .delete("/api/v1/datasets/marketing/{n}", name)
        .then()
        .statusCode(202)
        .body("state", equalTo("DEPROVISIONING"));
    JsonPath deleted = settled(OWNER, "marketing", name);
    assertThat(deleted.getString("state")).isEqualTo("DELETED");
    assertThat(deleted.getList("resources.status")).containsOnly("DELETED");
    assertThat(columns("marketing", name)).isEmpty();
    assertThat(roleExists("marketing_" + name + "_reader")).isFalse();
  }

  @Test
  void deleteWithRetainKeepsTheTableAndDetachesIt() throws Exception {
    String name = ProvisioningFixtures.newName();
    post(OWNER, body(name, "marketing", "postgres://", "")).then().statusCode(202);
    assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("READY");
    given()
        .auth()
        .oauth2(OWNER)
        .queryParam("retain", true)
        .when()
        .delete("/api/v1/datasets/marketing/{n}", name)
        .then()
        .statusCode(202);
    JsonPath deleted = settled(OWNER, "marketing", name);
    assertThat(deleted.getString("state")).isEqualTo("DELETED");
    assertThat(deleted.getList("resources.status")).containsOnly("DETACHED");
    assertThat(columns("marketing", name)).hasSize(5);
    // The name is free again.
    post(OWNER, body(name, "marketing", "postgres://", "")).then().statusCode(202);
  }

  @Test
  void ddlRefusedByPostgresEndsInFailedWithItsReasonAndNothingLeft() throws Exception {
    String name = ProvisioningFixtures.newName();
    // Java accepts the possessive quantifier; PostgreSQL's regex engine does not. The table is
    // created first in the provisioning transaction, then the failure rolls it back.
    String fields = "[{\"name\":\"code\",\"type\":\"string\",\"pattern\":\"^[0-9]++$\"}]";
    post(
            OWNER,
            "{\"name\":\""
                + name
                + "\",\"domain\":\"marketing\",\"storage\":\"postgres://\",\"schemaDefinition\":"
                + fields
                + "}")
        .then()
        .statusCode(202);
    JsonPath failed = settled(OWNER, "marketing", name);
    assertThat(failed.getString("state")).isEqualTo("FAILED");
    assertThat(failed.getString("lastError"))
        .contains("the pattern of field code is not a PostgreSQL regular expression");
    assertThat(columns("marketing", name)).isEmpty();
    assertThat(roleExists("marketing_" + name + "_reader")).isFalse();
    // Asking again with a corrected spec is refused while the failed dataset holds the name...
    String corrected =
        "{\"name\":\""
            + name
            + "\",\"domain\":\"marketing\",\"storage\":\"postgres://\",\"schemaDefinition\":"
            + fields.replace("++", "+")
            + "}";
    post(OWNER, corrected)
        .then()
        .statusCode(409)
        .body("detail", containsString("it FAILED, so DELETE /api/v1/datasets/marketing/" + name));
    // ...which it gives up when deleted (nothing left to remove); then the name is reused.
    given()
        .auth()
        .oauth2(OWNER)
        .when()
        .delete("/api/v1/datasets/marketing/{n}", name)
        .then()
        .statusCode(202)
        .body("state", equalTo("DELETED"));
    post(OWNER, corrected).then().statusCode(202);
    assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("READY");
    assertThat(columns("marketing", name)).containsExactly("code text YES");
  }

  @Test
  void valuesWithQuotesBackslashesAndDollarsReachTheDdlAsWritten() throws Exception {
    String name = ProvisioningFixtures.newName();
    String description = "x'); DROP TABLE marketing.victim; -- \\ $$ end";
    String fields =
        "[{\"name\":\"code\",\"type\":\"string\",\"primaryKey\":true,"
            + "\"enum\":[\"it's\",\"back\\\\slash\",\"$$dollar$$\"]}]";
    post(
            OWNER,
            "{\"name\":\""
                + name
                + "\",\"domain\":\"marketing\",\"storage\":\"postgres://\",\"description\":"
                + "\"x'); DROP TABLE marketing.victim; -- \\\\ $$ end\",\"schemaDefinition\":"
                + fields
                + "}")
        .then()
        .statusCode(202);
    assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("READY");
    try (Connection c = warehouse();
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO marketing." + name + " VALUES (?)");
        PreparedStatement comment =
            c.prepareStatement("SELECT obj_description(?::regclass, 'pg_class')")) {
      for (String allowed : List.of("it's", "back\\slash", "$$dollar$$")) {
        insert.setString(1, allowed);
        insert.executeUpdate();
      }
      insert.setString(1, "back\\\\slash");
      assertThatThrownBy(insert::executeUpdate).hasMessageContaining("check constraint");
      comment.setString(1, "marketing." + name);
      try (ResultSet r = comment.executeQuery()) {
        r.next();
        assertThat(r.getString(1)).endsWith("; " + description);
      }
    }
  }

  @Test
  void aTableThatAlreadyExistsIsNotAdoptedAndIsLeftAsItWas() throws Exception {
    String name = ProvisioningFixtures.newName();
    execute("CREATE SCHEMA IF NOT EXISTS marketing");
    execute("CREATE TABLE marketing." + name + " (kept integer)");
    post(OWNER, body(name, "marketing", "postgres://warehouse/marketing", null))
        .then()
        .statusCode(202);
    JsonPath failed = settled(OWNER, "marketing", name);
    assertThat(failed.getString("state")).isEqualTo("FAILED");
    assertThat(failed.getString("lastError"))
        .isEqualTo(
            "table \"marketing\".\""
                + name
                + "\" already exists and was not created for this dataset");
    assertThat(failed.getList("resources")).isEmpty();
    assertThat(columns("marketing", name)).containsExactly("kept integer YES");
    assertThat(roleExists("marketing_" + name + "_reader")).isFalse();
  }

  @Test
  void aSchemaDroppedByHandIsMadeAgainForTheNextDatasetInIt() throws Exception {
    String schema = Fixtures.newName("dropped");
    String first = ProvisioningFixtures.newName();
    String second = ProvisioningFixtures.newName();
    post(OWNER, body(first, "marketing", "postgres://warehouse/" + schema, null))
        .then()
        .statusCode(202);
    assertThat(settled(OWNER, "marketing", first).getString("state")).isEqualTo("READY");
    execute("DROP SCHEMA " + schema + " CASCADE");

    post(OWNER, body(second, "marketing", "postgres://warehouse/" + schema, null))
        .then()
        .statusCode(202);
    JsonPath ready = settled(OWNER, "marketing", second);
    assertThat(ready.getString("state")).isEqualTo("READY");
    assertThat(ready.getInt("attempts")).isEqualTo(1);
    assertThat(columns(schema, second)).hasSize(5);
    assertThat(tableOwner(schema, second)).isEqualTo("marketing_owner");
  }

  private static String tableOwner(String schema, String table) throws SQLException {
    try (Connection c = warehouse();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT tableowner FROM pg_tables WHERE schemaname = ? AND tablename = ?")) {
      q.setString(1, schema);
      q.setString(2, table);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  @Test
  void driftIsFoundWhenATableIsDroppedOrChangedByHand() throws Exception {
    String name = ProvisioningFixtures.newName();
    String id =
        post(OWNER, body(name, "marketing", "postgres://", ""))
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("READY");
    given()
        .auth()
        .oauth2(OWNER)
        .when()
        .post("/api/v1/datasets/marketing/{n}/verify", name)
        .then()
        .statusCode(200)
        .body("inSync", equalTo(true));

    execute("ALTER TABLE marketing." + name + " ADD COLUMN sneaky text");
    execute("ALTER TABLE marketing." + name + " ALTER COLUMN segment DROP NOT NULL");
    given()
        .auth()
        .oauth2(OWNER)
        .when()
        .post("/api/v1/datasets/marketing/{n}/verify", name)
        .then()
        .statusCode(200)
        .body("inSync", equalTo(false))
        .body(
            "drift.problem",
            hasItems("column sneaky was added by hand", "column segment lost its NOT NULL"));

    execute("DROP TABLE marketing." + name);
    given()
        .auth()
        .oauth2(OWNER)
        .when()
        .post("/api/v1/datasets/marketing/{n}/verify", name)
        .then()
        .body("drift.problem", hasItem("table is missing"));
    assertThat(settled(OWNER, "marketing", name).getList("drift.problem"))
        .contains("table is missing");
    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic(ProvisioningEvents.DATASET_TOPIC),
                r ->
                    id.equals(r.key())
                        && ProvisioningEvents.DATASET_DRIFT_DETECTED
                            .type()
                            .equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20)))
        .hasSize(2);
  }
}
