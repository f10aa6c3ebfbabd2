package io.meshwork.provisioning.api;

import static io.meshwork.provisioning.ProvisioningFixtures.body;
import static io.meshwork.provisioning.ProvisioningFixtures.kafkaAdmin;
import static io.meshwork.provisioning.ProvisioningFixtures.post;
import static io.meshwork.provisioning.ProvisioningFixtures.settled;
import static io.meshwork.provisioning.ProvisioningFixtures.warehouse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.provisioning.ProvisioningFixtures;
import io.meshwork.testing.InternalText;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every way provisioning can fail on a server behind the service answers in the platform's own
 * words with a log reference: none shows a host, a port, a class, an SQL state or a driver's text.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ErrorTextTest {

  private static final String OWNER = TestTokens.domainOwner("marketing");

  private static String[] serverNames() {
    String kafka = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    String database =
        ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    String port = database.replaceAll(".*:(\\d+)/.*", "$1");
    return new String[] {kafka, ":" + port, kafka.substring(kafka.lastIndexOf(':'))};
  }

  @Test
  void anUnreachableSchemaRegistryIsNamedButNotItsAddress() {
    String name = ProvisioningFixtures.newName();
    String accepted =
        post(
                OWNER,
                """
                {"name":"%s","domain":"marketing","storage":"s3://data-lake/domain=marketing",
                 "schema":"urn:schema:customer/v2"}
                """
                    .formatted(name))
            .then()
            .statusCode(202)
            .extract()
            .asString();
    String shown =
        given()
            .auth()
            .oauth2(OWNER)
            .when()
            .get("/api/v1/datasets/marketing/{n}", name)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    for (String body : List.of(accepted, shown)) {
      InternalText.assertNone(body, serverNames());
      assertThat(body).doesNotContain(":1/").doesNotContain("Connection refused");
    }
    assertThat(JsonPath.from(shown).getString("lastError"))
        .startsWith("waiting for the schema registry: the schema registry could not be reached")
        .contains("(reference ");
  }

  @Test
  void aDdlTheWarehouseRefusesFailsTheDatasetInOurWords() throws Exception {
    String name = ProvisioningFixtures.newName();
    // A DBA's policy in the warehouse: refuse this one table, with a message naming the server.
    String trigger = "refuse_" + name;
    try (Connection warehouse = warehouse();
        Statement sql = warehouse.createStatement()) {
      sql.execute(
          "CREATE FUNCTION "
              + trigger
              + "() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " IF current_query() LIKE '%"
              + name
              + "%' THEN RAISE EXCEPTION 'policy refuses tables on %:%', inet_server_addr(),"
              + " inet_server_port() USING ERRCODE = '42501'; END IF; END $$");
      sql.execute(
          "CREATE EVENT TRIGGER "
              + trigger
              + " ON ddl_command_start WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION "
              + trigger
              + "()");
    }
    try {
      post(OWNER, body(name, "marketing", "postgres://warehouse/marketing", null))
          .then()
          .statusCode(202);
      JsonPath failed = settled(OWNER, "marketing", name);
      assertThat(failed.getString("state")).isEqualTo("FAILED");
      String lastError = failed.getString("lastError");
      assertThat(lastError)
          .startsWith("provisioning table \"marketing\".\"" + name + "\" failed:")
          .contains("the warehouse refused the change")
          .contains("(reference ")
          .doesNotContain("policy refuses");
      InternalText.assertNone(failed.prettify(), serverNames());
    } finally {
      try (Connection warehouse = warehouse();
          Statement sql = warehouse.createStatement()) {
        sql.execute("DROP EVENT TRIGGER IF EXISTS " + trigger);
        sql.execute("DROP FUNCTION IF EXISTS " + trigger + "()");
      }
    }
  }

  @Test
  void aTopicTheBrokerRefusesFailsTheDatasetInOurWords() throws Exception {
    String name = ProvisioningFixtures.newName();
    // Kafka refuses a topic whose name differs from an existing one only in '.' and '_'.
    String topic = "marketing.refused." + name;
    try (Admin admin = kafkaAdmin()) {
      admin.createTopics(List.of(new NewTopic(topic.replace('.', '_'), 1, (short) 1))).all().get();
    }
    post(OWNER, body(name, "marketing", "kafka://" + topic, "")).then().statusCode(202);
    JsonPath failed = settled(OWNER, "marketing", name);
    assertThat(failed.getString("state")).isEqualTo("FAILED");
    assertThat(failed.getString("lastError"))
        .contains("the broker refused it (invalid topic)")
        .contains("(reference ")
        .doesNotContain("collides");
    InternalText.assertNone(failed.prettify(), serverNames());
  }
}
