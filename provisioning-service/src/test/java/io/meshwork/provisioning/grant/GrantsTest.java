package io.meshwork.provisioning.grant;

import static io.meshwork.provisioning.ProvisioningFixtures.body;
import static io.meshwork.provisioning.ProvisioningFixtures.newName;
import static io.meshwork.provisioning.ProvisioningFixtures.post;
import static io.meshwork.provisioning.ProvisioningFixtures.settled;
import static io.meshwork.provisioning.ProvisioningFixtures.warehouse;
import static io.meshwork.provisioning.grant.GrantEvents.awaitGrants;
import static io.meshwork.provisioning.grant.GrantEvents.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Grants on the real warehouse: a consumer's SELECT is refused before approval, works on the
 * granted columns after it, and is refused again once the agreement ends.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class GrantsTest {

  private static final String FIELDS = "[\"customer_id\",\"segment\"]";
  private static final String OWNER = TestTokens.domainOwner("marketing");

  @Test
  void anApprovedRequestGrantsTheFieldsAndItsEndTakesThemBack() throws Exception {
    String name = newName();
    post(OWNER, body(name, "marketing", "postgres://warehouse/marketing", null))
        .then()
        .statusCode(202);
    assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("READY");
    String team = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String principal = "consumer_" + team;
    String consumer = TestTokens.user("carl").roles("data-consumer").domains(team).sign();
    UUID request = UUID.randomUUID();
    String table = "marketing." + name;
    try (Connection c = warehouse();
        Statement sql = c.createStatement()) {
      sql.execute("INSERT INTO " + table + " VALUES ('CUST-0001', 'gold', 10.50, 5, now())");
    }

    send(AccessEvents.APPROVED, request, principal, team, name, FIELDS);
    JsonPath applied = awaitGrants(request, ProvisioningEvents.GRANTS_APPLIED);
    assertThat(applied.getBoolean("complete")).isTrue();
    assertThat(applied.getString("grants[0].privileges"))
        .isEqualTo("SELECT (customer_id, segment)");

    given()
        .auth()
        .oauth2(TestTokens.consumer("other"))
        .post("/api/v1/grants/credentials/{p}", principal)
        .then()
        .statusCode(403);
    String password =
        given()
            .auth()
            .oauth2(consumer)
            .post("/api/v1/grants/credentials/{p}", principal)
            .then()
            .statusCode(200)
            .extract()
            .path("password");
    given()
        .auth()
        .oauth2(consumer)
        .post("/api/v1/grants/credentials/{p}", principal)
        .then()
        .statusCode(409)
        .body("code", equalTo("provisioning.credentials.already-fetched"));

    try (Connection c = as(principal, password);
        Statement sql = c.createStatement()) {
      try (ResultSet rows = sql.executeQuery("SELECT customer_id, segment FROM " + table)) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("CUST-0001");
      }
      assertThatThrownBy(() -> sql.executeQuery("SELECT lifetime_value FROM " + table))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }

    send(AccessEvents.REVOKED, request, principal, team, name, FIELDS);
    JsonPath revoked = awaitGrants(request, ProvisioningEvents.GRANTS_REVOKED);
    assertThat(revoked.getString("grants[0].outcome")).isEqualTo("REVOKED");
    try (Connection c = as(principal, password);
        Statement sql = c.createStatement()) {
      assertThatThrownBy(() -> sql.executeQuery("SELECT customer_id FROM " + table))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
    given()
        .auth()
        .oauth2(consumer)
        .get("/api/v1/grants?accessRequest={r}", request)
        .then()
        .statusCode(200)
        .body("[0].outcome", equalTo("REVOKED"));
  }

  @Test
  void aPortThatIsNoDatasetFailsAndTheS3PrefixGetsItsPolicyDocument() {
    UUID request = UUID.randomUUID();
    send(AccessEvents.APPROVED, request, "consumer_nobody", "nobody", "no_such_dataset", FIELDS);
    JsonPath applied = awaitGrants(request, ProvisioningEvents.GRANTS_APPLIED);
    assertThat(applied.getBoolean("complete")).isFalse();
    assertThat(applied.getString("grants[0].outcome")).isEqualTo("FAILED");
    assertThat(applied.getString("grants[0].detail"))
        .isEqualTo("the output port is not a READY dataset");

    String policy = S3Policies.readOnly("s3://data-lake/domain=marketing/segments/", "consumer_x");
    JsonPath document = new JsonPath(policy);
    assertThat(document.getString("Statement[0].Resource"))
        .isEqualTo("arn:aws:s3:::data-lake/domain=marketing/segments/*");
    assertThat(document.getList("Statement[0].Action")).isEqualTo(List.of("s3:GetObject"));
    assertThat(document.getString("Statement[1].Condition.StringLike.'s3:prefix'"))
        .isEqualTo("domain=marketing/segments/*");
  }

  private static Connection as(String user, String password) throws SQLException {
    String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    URI db = URI.create(url.substring("jdbc:".length()));
    return DriverManager.getConnection(
        "jdbc:postgresql://" + db.getHost() + ":" + db.getPort() + "/warehouse", user, password);
  }
}
