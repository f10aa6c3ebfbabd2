package io.meshwork.governance.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.inbox.ConsumerRetries;
import io.meshwork.events.inbox.Inbox;
import io.meshwork.governance.product.KnownProduct;
import io.meshwork.governance.review.ReviewService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Follows the catalog's data products: keeps each product's newest spec and status (what a policy
 * change evaluates again) and opens a review round on every submission. Each event once.
 */
@ApplicationScoped
public class CatalogEventsListener {

  private static final Logger LOG = Logger.getLogger(CatalogEventsListener.class);
  static final String CONSUMER = "governance.catalog-data-products";

  private final Inbox inbox;
  private final EventHandlers handlers;

  public CatalogEventsListener(Inbox inbox, EventCodec codec, ReviewService reviews) {
    this.inbox = inbox;
    this.handlers =
        new EventHandlers(codec)
            .on(
                CatalogEvents.VERSION_CREATED,
                created ->
                    know(created.name(), created.domain(), created.version(), created.spec(), null))
            .on(
                CatalogEvents.SUBMITTED,
                submitted -> {
                  know(
                      submitted.name(),
                      submitted.domain(),
                      submitted.version(),
                      submitted.spec(),
                      "SUBMITTED");
                  reviews.submitted(submitted);
                })
            .on(
                CatalogEvents.PUBLISHED,
                published ->
                    know(
                        published.name(),
                        published.domain(),
                        published.version(),
                        published.spec(),
                        "PUBLISHED"))
            .on(CatalogEvents.DEPRECATED, deprecated -> status(deprecated.name(), "DEPRECATED"))
            .on(CatalogEvents.RETIRED, retired -> status(retired.name(), "RETIRED"));
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
    if (!handlers.dispatch(event.getType(), payload)) {
      LOG.debugf("Ignoring event type %s", event.getType());
    }
  }

  /** Records the product's newest spec; {@code status} null keeps the one known (or DRAFT). */
  private static void know(
      String name, String domain, String version, JsonNode spec, String status) {
    KnownProduct product = KnownProduct.findById(name);
    if (product == null) {
      product = new KnownProduct();
      product.name = name;
      product.status = "DRAFT";
    }
    product.domain = domain;
    product.version = version;
    product.spec = spec;
    if (status != null) {
      product.status = status;
    }
    product.updatedAt = Instant.now();
    product.persist();
  }

  private static void status(String name, String status) {
    KnownProduct product = KnownProduct.findById(name);
    if (product != null) {
      product.status = status;
      product.updatedAt = Instant.now();
    }
  }
}
