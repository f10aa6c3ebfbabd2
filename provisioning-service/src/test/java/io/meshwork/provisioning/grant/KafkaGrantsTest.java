package io.meshwork.provisioning.grant;

import static io.meshwork.provisioning.ProvisioningFixtures.body;
import static io.meshwork.provisioning.ProvisioningFixtures.newName;
import static io.meshwork.provisioning.ProvisioningFixtures.post;
import static io.meshwork.provisioning.ProvisioningFixtures.settled;
import static io.meshwork.provisioning.grant.GrantEvents.awaitGrants;
import static io.meshwork.provisioning.grant.GrantEvents.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.AuthorizationException;
import org.junit.jupiter.api.Test;

/**
 * Topic grants on the real broker: a signed-in consumer without an ACL is refused, reads the topic
 * once its request is approved, and is refused again once the agreement ends.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class KafkaGrantsTest {

  private static final String FIELDS = "[]";
  private static final String OWNER = TestTokens.domainOwner("marketing");

  @Test
  void anApprovedRequestLetsTheConsumerReadTheTopicAndItsEndRefusesItAgain() throws Exception {
    String name = newName();
    post(OWNER, body(name, "marketing", "kafka://", "")).then().statusCode(202);
    assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("READY");
    String topic = "marketing." + name + ".v1";
    TestKafka.sendCloudEvent(topic, "CUST-1", "e1", "row", "test", "{\"segment\":\"gold\"}");
    String team = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String principal = "consumer_" + team;
    String sasl = TestKafka.saslBootstrapServers();

    // Signed in, but no ACL yet: the broker refuses.
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      principal,
                      new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                      "a-password-before-any-grant")))
          .all()
          .get();
    }
    assertThatThrownBy(
            () ->
                TestKafka.readAs(
                    sasl, principal, "a-password-before-any-grant", principal + "-app", topic))
        .isInstanceOf(AuthorizationException.class);

    UUID request = UUID.randomUUID();
    send(AccessEvents.APPROVED, request, principal, team, name, FIELDS);
    JsonPath applied = awaitGrants(request, ProvisioningEvents.GRANTS_APPLIED);
    assertThat(applied.getString("grants[0].kind")).isEqualTo("kafka-topic");
    assertThat(applied.getString("grants[0].outcome")).isEqualTo("APPLIED");
    assertThat(applied.getString("grants[0].privileges"))
        .isEqualTo("READ, DESCRIBE topic; READ group " + principal + "*");
    String consumer = TestTokens.user("carl").roles("data-consumer").domains(team).sign();
    String password =
        given()
            .auth()
            .oauth2(consumer)
            .post("/api/v1/grants/credentials/{p}", principal)
            .then()
            .statusCode(200)
            .extract()
            .path("password");
    assertThat(TestKafka.readAs(sasl, principal, password, principal + "-app", topic))
        .containsExactly("{\"segment\":\"gold\"}");
    assertThatThrownBy(() -> TestKafka.readAs(sasl, principal, password, "someone-else", topic))
        .as("only groups named after the consumer")
        .isInstanceOf(AuthorizationException.class);

    send(AccessEvents.REVOKED, request, principal, team, name, FIELDS);
    JsonPath revoked = awaitGrants(request, ProvisioningEvents.GRANTS_REVOKED);
    assertThat(revoked.getString("grants[0].outcome")).isEqualTo("REVOKED");
    assertThatThrownBy(
            () -> TestKafka.readAs(sasl, principal, password, principal + "-app2", topic))
        .isInstanceOf(AuthorizationException.class);
  }
}
