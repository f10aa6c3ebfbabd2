package io.meshwork.lineage.messaging;

import static io.meshwork.lineage.LineageApi.graphql;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.meshwork.events.EventType;
import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A signed agreement's consumer is downstream of the product until the agreement ends. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class AccessAgreementsListenerTest {

  @Test
  void anActiveAgreementsConsumerIsDownstreamAndInTheImpactUntilItIsRevoked() {
    String product = "segments_" + Fixtures.randomSuffix(5);
    String port = "port_" + Fixtures.randomSuffix(5);
    String team = "team" + Fixtures.randomSuffix(5);
    ProductEvents.provisioned(port);
    ProductEvents.published(product, port);
    await().atMost(Duration.ofSeconds(30)).until(() -> downstream(product) != null);

    UUID request = UUID.randomUUID();
    send(AccessEvents.ACTIVATED, request, product, port, team);
    String consumer = "consumer:" + team;
    await().atMost(Duration.ofSeconds(30)).until(() -> downstream(product).contains(consumer));
    graphql("{ dataset(name: \"" + product + "\") { downstream { name via } } }")
        .body("data.dataset.downstream[0].via", equalTo("agreement:" + request));
    graphql("{ dataset(name: \"" + consumer + "\") { namespace owners upstream { name } } }")
        .body("data.dataset.namespace", equalTo("meshwork://consumers"))
        .body("data.dataset.owners", hasItem("cody"))
        .body("data.dataset.upstream.name", containsInAnyOrder(product, "marketing/" + port));
    graphql(
            "{ impact(dataset: \"marketing/"
                + port
                + "\") { agreements owners datasets { name } } }")
        .body("data.impact.agreements", containsInAnyOrder(request.toString()))
        .body("data.impact.owners", hasItem("cody"))
        .body("data.impact.datasets.name", hasItem(consumer));

    send(AccessEvents.REVOKED, request, product, port, team);
    await().atMost(Duration.ofSeconds(30)).until(() -> !downstream(product).contains(consumer));
    graphql("{ impact(dataset: \"marketing/" + port + "\") { agreements } }")
        .body("data.impact.agreements", empty());
    graphql("{ dataset(name: \"" + consumer + "\") { upstream { name } } }")
        .body("data.dataset.upstream.name", not(hasItem(product)));
  }

  private static List<String> downstream(String name) {
    return graphql("{ dataset(name: \"" + name + "\") { downstream { name } } }")
        .extract()
        .path("data.dataset.downstream.name");
  }

  private static void send(
      EventType<?> type, UUID request, String product, String port, String team) {
    TestKafka.sendCloudEvent(
        TestKafka.topic(AccessEvents.TOPIC),
        request.toString(),
        UUID.randomUUID().toString(),
        type.type(),
        ContractEvents.SOURCE,
        """
        {"requestId":"%s","product":"%s","productDomain":"marketing","consumer":"cody",
         "consumerDomain":"%s","principal":"consumer_%s","status":"ACTIVE",
         "outputPorts":["marketing/%s"],"fields":["customer_id"],"purpose":"campaigns",
         "contractId":"urn:contract:segments","contractVersion":"1.0.0",
         "expiresAt":"%s","by":"finn","at":"%s"}
        """
            .formatted(
                request,
                product,
                team,
                team,
                port,
                Instant.now().plusSeconds(3600),
                Instant.now()));
  }
}
