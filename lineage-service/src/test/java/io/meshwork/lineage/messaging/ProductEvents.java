package io.meshwork.lineage.messaging;

import static io.meshwork.lineage.LineageApi.graphql;
import static org.awaitility.Awaitility.await;

import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.TestKafka;
import java.time.Duration;
import java.util.UUID;

/** Events the catalog and provisioning would send, played by lineage tests. */
final class ProductEvents {

  private ProductEvents() {}

  /** {@code marketing/<port>} was provisioned; returns once the graph knows it by that name. */
  static void provisioned(String port) {
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
  }

  static void product(String product, String type, String json) {
    TestKafka.sendCloudEvent(
        TestKafka.topic(CatalogEvents.DATA_PRODUCT_TOPIC),
        product,
        UUID.randomUUID().toString(),
        type,
        CatalogEvents.SOURCE,
        json);
  }

  /** {@code product} published with {@code marketing/<port>} as its output port. */
  static void published(String product, String port) {
    product(
        product,
        CatalogEvents.PUBLISHED.type(),
        """
        {"name":"%s","domain":"marketing","owner":"data-team@company.com","version":"1.2.0",
         "sources":["crm_system/v2/customers","billing/invoices","web/analytics"],
         "transformations":["dbt/models/marts/customer/"],"outputPorts":["marketing/%s"],
         "spec":{},"publishedBy":"mara","publishedAt":"2026-12-02T10:00:00Z"}
        """
            .formatted(product, port));
  }
}
