package io.meshwork.lineage.messaging;

import static io.meshwork.lineage.LineageApi.graphql;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A published data product's declared sources become its upstream, apart from observed runs. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class DataProductEventsListenerTest {

  private static List<String> upstream(String name) {
    return graphql("{ dataset(name: \"" + name + "\") { upstream { name } } }")
        .extract()
        .path("data.dataset.upstream.name");
  }

  @Test
  void aPublishedProductsDeclaredSourcesAreItsUpstreamUntilItRetires() {
    String product = "customer_360_" + Fixtures.randomSuffix(5);
    String port = "port_" + Fixtures.randomSuffix(5);
    ProductEvents.provisioned(port);
    ProductEvents.published(product, port);
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

    ProductEvents.product(
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
