package io.meshwork.lineage.messaging;

import static io.meshwork.lineage.LineageApi.graphql;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.lineage.graph.LineageGraph;
import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.graph.NodeKey;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ProvisioningEventsListenerTest {

  @Inject LineageGraph graph;

  private static void send(String eventId, UUID datasetId, String type, String json) {
    TestKafka.sendCloudEvent(
        TestKafka.topic(ProvisioningEvents.DATASET_TOPIC),
        datasetId.toString(),
        eventId,
        type,
        ProvisioningEvents.SOURCE,
        json);
  }

  private Optional<Node> node(String namespace, String name) {
    return graph.find(NodeKey.dataset(namespace, name));
  }

  @Test
  void provisionedStorageBecomesDatasetNodesNamedByTheirRealUris() {
    UUID id = UUID.randomUUID();
    String name = "segments_" + Fixtures.randomSuffix(6);
    send(
        UUID.randomUUID().toString(),
        id,
        ProvisioningEvents.DATASET_REQUESTED.type(),
        """
        {"datasetId":"%s","domain":"marketing","name":"%s","storage":"postgres://warehouse/marketing",
         "schema":"urn:schema:customer/v2","requestedBy":"mara","requestedAt":"2026-11-25T10:00:00Z",
         "owner":"team-marketing"}
        """
            .formatted(id, name));
    String provisioned =
        """
        {"datasetId":"%1$s","domain":"marketing","name":"%2$s","storage":"postgres://warehouse/marketing",
         "schema":"urn:schema:customer/v2","provisionedAt":"2026-11-25T10:00:05Z","resources":[
           {"kind":"POSTGRES_TABLE","name":"marketing.%2$s","uri":"postgres://warehouse/marketing/%2$s","status":"CREATED"},
           {"kind":"POSTGRES_ROLE","name":"marketing_%2$s_reader","uri":"postgres-role://marketing_%2$s_reader","status":"CREATED"},
           {"kind":"KAFKA_TOPIC","name":"marketing.%2$s.v1","uri":"kafka://marketing.%2$s.v1","status":"CREATED"},
           {"kind":"S3_PREFIX","name":"domain=marketing/%2$s","uri":"s3://data-lake/domain=marketing/%2$s","status":"CREATED"}]}
        """
            .formatted(id, name);
    String eventId = UUID.randomUUID().toString();
    send(eventId, id, ProvisioningEvents.DATASET_PROVISIONED.type(), provisioned);

    String table = "warehouse.marketing." + name;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> node("postgres://localhost:5432", table).isPresent());
    Node node = node("postgres://localhost:5432", table).orElseThrow();
    org.assertj.core.api.Assertions.assertThat(node.domain()).isEqualTo("marketing");
    org.assertj.core.api.Assertions.assertThat(node.owners()).containsExactly("team-marketing");
    org.assertj.core.api.Assertions.assertThat(
            node("kafka://" + TestKafka.bootstrapServers(), "marketing." + name + ".v1"))
        .isPresent();
    org.assertj.core.api.Assertions.assertThat(node("s3://data-lake", "domain=marketing/" + name))
        .isPresent();
    long version = node.version();

    graphql("{ dataset(name: \"" + table + "\") { namespace domain owners deletedAt } }")
        .body("data.dataset.namespace", equalTo("postgres://localhost:5432"))
        .body("data.dataset.domain", equalTo("marketing"))
        .body("data.dataset.owners", contains("team-marketing"))
        .body("data.dataset.deletedAt", nullValue());

    // Redelivered: the inbox recognises it, nothing is written again.
    send(eventId, id, ProvisioningEvents.DATASET_PROVISIONED.type(), provisioned);
    send(
        UUID.randomUUID().toString(),
        id,
        ProvisioningEvents.DATASET_DEPROVISIONED.type(),
        """
        {"datasetId":"%1$s","domain":"marketing","name":"%2$s","storage":"postgres://warehouse/marketing",
         "retained":false,"deprovisionedAt":"2026-11-25T11:00:00Z","resources":[
           {"kind":"POSTGRES_TABLE","name":"marketing.%2$s","uri":"postgres://warehouse/marketing/%2$s","status":"DELETED"}]}
        """
            .formatted(id, name));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> node("postgres://localhost:5432", table).orElseThrow().deletedAt() != null);
    // Deprovisioning bumped the version once; the redelivered provisioning did not.
    org.assertj.core.api.Assertions.assertThat(
            node("postgres://localhost:5432", table).orElseThrow().version())
        .isEqualTo(version + 1);
    graphql("{ dataset(name: \"" + table + "\") { deletedAt } }")
        .body("data.dataset.deletedAt", notNullValue());
  }

  private static void provisionS3(String domain, String name) {
    UUID id = UUID.randomUUID();
    send(
        UUID.randomUUID().toString(),
        id,
        ProvisioningEvents.DATASET_PROVISIONED.type(),
        """
        {"datasetId":"%1$s","domain":"%2$s","name":"%3$s","storage":"s3://data-lake/domain=%2$s",
         "schema":"urn:schema:customer/v2","provisionedAt":"2026-11-25T10:00:05Z","resources":[
           {"kind":"S3_BUCKET","name":"data-lake","uri":"s3://data-lake","status":"EXISTING"},
           {"kind":"S3_PREFIX","name":"domain=%2$s/%3$s","uri":"s3://data-lake/domain=%2$s/%3$s","status":"CREATED"}]}
        """
            .formatted(id, domain, name));
  }

  @Test
  void aProvisionedDatasetAnswersToItsPlatformName() {
    String name = "customer_segments_" + Fixtures.randomSuffix(6);
    provisionS3("marketing", name);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> node("s3://data-lake", "domain=marketing/" + name).isPresent());
    graphql("{ dataset(name: \"" + name + "\") { name namespace domain aliases } }")
        .body("data.dataset.name", equalTo("domain=marketing/" + name))
        .body("data.dataset.namespace", equalTo("s3://data-lake"))
        .body("data.dataset.domain", equalTo("marketing"))
        .body("data.dataset.aliases", contains(name, "marketing/" + name));

    // The same platform name in a second domain: the plain name is ambiguous, the qualified not.
    provisionS3("finance", name);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> node("s3://data-lake", "domain=finance/" + name).isPresent());
    graphql("{ dataset(name: \"" + name + "\") { name } }")
        .body("data.dataset", nullValue())
        .body("errors[0].message", containsString("finance/" + name + ", marketing/" + name));
    graphql("{ dataset(name: \"finance/" + name + "\") { name } }")
        .body("data.dataset.name", equalTo("domain=finance/" + name));
    // The storage name still names the node.
    graphql("{ dataset(name: \"domain=marketing/" + name + "\") { domain } }")
        .body("data.dataset.domain", equalTo("marketing"));
  }
}
