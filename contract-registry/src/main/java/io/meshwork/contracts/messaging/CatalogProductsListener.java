package io.meshwork.contracts.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.contracts.access.PublishedProduct;
import io.meshwork.contracts.observability.ProductSuites;
import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.catalog.DataProductDeprecated;
import io.meshwork.events.catalog.DataProductPublished;
import io.meshwork.events.catalog.DataProductRetired;
import io.meshwork.events.inbox.ConsumerRetries;
import io.meshwork.events.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/** Keeps the published data products: what consumers may ask access to, and who owns it. */
@ApplicationScoped
public class CatalogProductsListener {

  private static final Logger LOG = Logger.getLogger(CatalogProductsListener.class);
  static final String CONSUMER = "contracts.catalog-data-products";

  private final Inbox inbox;
  private final EventHandlers handlers;
  private final ProductSuites suites;

  public CatalogProductsListener(Inbox inbox, EventCodec codec, ProductSuites suites) {
    this.inbox = inbox;
    this.suites = suites;
    this.handlers =
        new EventHandlers(codec)
            .on(CatalogEvents.PUBLISHED, this::published)
            .on(CatalogEvents.DEPRECATED, this::deprecated)
            .on(CatalogEvents.RETIRED, this::retired);
  }

  @Retry(
      maxRetries = ConsumerRetries.MAX_RETRIES,
      delay = ConsumerRetries.DELAY_MILLIS,
      retryOn = JDBCConnectionException.class)
  @Incoming("catalog-data-products")
  @Blocking
  @Transactional
  public void onEvent(String payload, IncomingCloudEventMetadata<String> event) throws Exception {
    if (!inbox.firstDelivery(CONSUMER, event.getId())) {
      LOG.debugf("Skipping redelivered event %s", event.getId());
      return;
    }
    handlers.dispatch(event.getType(), payload);
  }

  private void published(DataProductPublished published) {
    PublishedProduct product = PublishedProduct.findById(published.name());
    if (product == null) {
      product = new PublishedProduct();
      product.name = published.name();
    } else if (product.updatedAt != null && product.updatedAt.isAfter(published.publishedAt())) {
      return;
    }
    JsonNode spec = published.spec();
    product.domain = published.domain();
    product.owner = published.owner();
    product.version = published.version();
    product.status = PublishedProduct.PUBLISHED;
    product.classification = text(spec.path("product").path("classification"));
    product.maxAccess = text(spec.path("product").path("maxAccess"));
    product.outputPorts =
        published.outputPorts() == null ? List.of() : List.copyOf(published.outputPorts());
    List<String> fields = new ArrayList<>();
    spec.path("schema").forEach(field -> fields.add(field.path("name").asText()));
    product.fields = fields;
    product.updatedAt = published.publishedAt();
    product.persist();
    suites.published(published);
  }

  private void deprecated(DataProductDeprecated deprecated) {
    status(deprecated.name(), "DEPRECATED", deprecated.deprecatedAt());
  }

  private void retired(DataProductRetired retired) {
    status(retired.name(), "RETIRED", retired.retiredAt());
  }

  private static void status(String name, String status, Instant at) {
    PublishedProduct product = PublishedProduct.findById(name);
    if (product != null && (product.updatedAt == null || !product.updatedAt.isAfter(at))) {
      product.status = status;
      product.updatedAt = at;
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }
}
