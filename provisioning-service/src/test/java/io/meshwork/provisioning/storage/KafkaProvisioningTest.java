package io.meshwork.provisioning.storage;

import static io.meshwork.provisioning.ProvisioningFixtures.body;
import static io.meshwork.provisioning.ProvisioningFixtures.kafkaAdmin;
import static io.meshwork.provisioning.ProvisioningFixtures.post;
import static io.meshwork.provisioning.ProvisioningFixtures.settled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.meshwork.provisioning.ProvisioningFixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class KafkaProvisioningTest {

  private static final String OWNER = TestTokens.domainOwner("marketing");

  @Test
  void createsTheTopicWithRequestedPartitionsRetentionAndCleanupThenDeletesIt() throws Exception {
    String name = ProvisioningFixtures.newName();
    String topic = "marketing." + name + ".v1";
    post(
            OWNER,
            body(
                name,
                "marketing",
                "kafka://",
                "\"partitions\":6,\"retention\":\"P1D\",\"cleanupPolicy\":\"compact\""))
        .then()
        .statusCode(202)
        .body("storage", equalTo("kafka://" + topic))
        .body("partitions", equalTo(6))
        .body("retention", equalTo("P1D"));
    JsonPath ready = settled(OWNER, "marketing", name);
    assertThat(ready.getString("state")).isEqualTo("READY");
    assertThat(ready.getList("resources.uri")).containsExactly("kafka://" + topic);

    try (Admin admin = kafkaAdmin()) {
      assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
          .hasSize(6);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertThat(config.get("retention.ms").value()).isEqualTo("86400000");
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");

      // Partitions changed by hand: drift.
      admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(8))).all().get();
      given()
          .auth()
          .oauth2(OWNER)
          .when()
          .post("/api/v1/datasets/marketing/{n}/verify", name)
          .then()
          .statusCode(200)
          .body("inSync", equalTo(false))
          .body("drift.problem", hasItem("has 8 partitions, provisioned with 6"));

      given()
          .auth()
          .oauth2(OWNER)
          .when()
          .delete("/api/v1/datasets/marketing/{n}", name)
          .then()
          .statusCode(202);
      assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("DELETED");
      Set<String> topics = admin.listTopics().names().get();
      assertThat(topics).doesNotContain(topic);
    }
  }

  @Test
  void schemaMajorVersionNamesTheDefaultTopicAndExplicitTopicsAreKept() {
    String name = ProvisioningFixtures.newName();
    post(OWNER, body(name, "marketing", "kafka://marketing.custom-" + name.replace('_', '-'), ""))
        .then()
        .statusCode(202)
        .body("storage", equalTo("kafka://marketing.custom-" + name.replace('_', '-')));
    assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("READY");
  }

  @Test
  void aTopicThatAlreadyExistsIsNotAdoptedAndTheDatasetFails() throws Exception {
    String name = ProvisioningFixtures.newName();
    String topic = "marketing.taken-" + name.replace('_', '-');
    try (Admin admin = kafkaAdmin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    post(OWNER, body(name, "marketing", "kafka://" + topic, "")).then().statusCode(202);
    JsonPath failed = settled(OWNER, "marketing", name);
    assertThat(failed.getString("state")).isEqualTo("FAILED");
    assertThat(failed.getString("lastError"))
        .contains("already exists and was not created for this dataset");
    try (Admin admin = kafkaAdmin()) {
      assertThat(admin.listTopics().names().get())
          .as("someone else's topic is left alone")
          .contains(topic);
    }
  }
}
