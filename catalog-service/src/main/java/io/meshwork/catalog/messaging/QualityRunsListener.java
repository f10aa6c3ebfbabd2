package io.meshwork.catalog.messaging;

import io.meshwork.catalog.health.ProductHealthService;
import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.inbox.ConsumerRetries;
import io.meshwork.events.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/** Keeps contract-registry's latest quality run of each product's output port, each run once. */
@ApplicationScoped
public class QualityRunsListener {

  private static final Logger LOG = Logger.getLogger(QualityRunsListener.class);
  static final String CONSUMER = "catalog.contracts-quality";

  private final Inbox inbox;
  private final EventHandlers handlers;

  public QualityRunsListener(Inbox inbox, EventCodec codec, ProductHealthService health) {
    this.inbox = inbox;
    this.handlers =
        new EventHandlers(codec).on(ContractEvents.QUALITY_RUN_COMPLETED, health::record);
  }

  @Retry(
      maxRetries = ConsumerRetries.MAX_RETRIES,
      delay = ConsumerRetries.DELAY_MILLIS,
      retryOn = JDBCConnectionException.class)
  @Incoming("contracts-quality")
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
}
