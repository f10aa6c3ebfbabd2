package io.meshwork.lineage.messaging;

import static io.meshwork.lineage.LineageApi.graphql;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A published data product's declared sources become its upstream, apart from observed runs. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class DataProductEventsListenerTest {

  private static void send(String key, String type, String json) {
    TestKafka.sendCloudEvent(
        TestKafka.topic(CatalogEvents.DATA_PRODUCT_TOPIC),
        key,
        UUID.randomUUID().toString(),
        type,
        CatalogEvents.SOURCE,
        json);
  }

  private static List<String> upstream(String name) {
    return graphql("{ dataset(name: \"" + name + "\") { upstream { name } } }")
        .extract()
        .path("data.dataset.upstream.name");
  }

  @Test
  void aPublishedProductsDeclaredSourcesAreItsUpstreamUntilItRetires() {
    String product = "customer_360_" + Fixtures.randomSuffix(5);
    String port = "port_" + Fixtures.randomSuffix(5);
    // Its output port was provisioned: the storage node answers to marketing/<port>.
    UUID datasetId = UUID.randomUUID();
    TestKafka.sendCloudEvent(
        TestKafka.topic(ProvisioningEvents.DATASET_TOPIC),
        datasetId.toString(),
        UUID.randomUUID().toString(),
        ProvisioningEvents.DATASET_PROVISIONED.type(),
        ProvisioningEvents.SOURCE,
        """
        {"datasetId":"%1$s","domain":"marketing","name":"%2$s","storage":"s3://lake/marketing",
         "provisionedAt":"2026-12-01T10:00:00Z","resources":[{"kind":"S3_PREFIX",
         "name":"marketing/%2$s","uri":"s3://lake/marketing/%2$s","status":"CREATED"}]}
        """
            .formatted(datasetId, port));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                graphql("{ dataset(name: \"marketing/" + port + "\") { name } }")
                        .extract()
                        .path("data.dataset")
                    != null);

    send(
        product,
        CatalogEvents.PUBLISHED.type(),
        """
        {"name":"%s","domain":"marketing","owner":"data-team@company.com","version":"1.2.0",
         "sources":["crm_system/v2/customers","billing/invoices","web/analytics"],
         "transformations":["dbt/models/marts/customer/"],"outputPorts":["marketing/%s"],
         "spec":{},"publishedBy":"mara","publishedAt":"2026-12-02T10:00:00Z"}
        """
            .formatted(product, port));
    await().atMost(Duration.ofSeconds(30)).until(() -> upstream(product) != null);
    graphql(
            "{ dataset(name: \""
                + product
                + "\") { namespace owners upstream { name via } dataProduct } }")
        .body("data.dataset.namespace", equalTo("meshwork://data-products"))
        .body("data.dataset.dataProduct", equalTo(product))
        .body("data.dataset.owners", hasItem("data-team@company.com"))
        .body(
            "data.dataset.upstream.name",
            containsInAnyOrder("crm_system/v2/customers", "billing/invoices", "web/analytics"))
        .body("data.dataset.upstream[0].via", equalTo("declared:" + product));
    // The port's storage has the same declared upstream.
    graphql("{ dataset(name: \"marketing/" + port + "\") { upstream { name } } }")
        .body("data.dataset.upstream.name", hasItem("billing/invoices"));

    send(
        product,
        CatalogEvents.RETIRED.type(),
        """
        {"name":"%s","domain":"marketing","version":"1.2.0","retiredBy":"mara",
         "retiredAt":"2026-12-03T10:00:00Z"}
        """
            .formatted(product));
    await().atMost(Duration.ofSeconds(30)).until(() -> upstream(product).isEmpty());
  }
}
