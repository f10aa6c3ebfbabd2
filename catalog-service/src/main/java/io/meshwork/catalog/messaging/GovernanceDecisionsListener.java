package io.meshwork.catalog.messaging;

import io.meshwork.catalog.product.ProductLifecycle;
import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.governance.GovernanceEvents;
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

/** Applies governance's review decisions to data products' lifecycles, each decision once. */
@ApplicationScoped
public class GovernanceDecisionsListener {

  private static final Logger LOG = Logger.getLogger(GovernanceDecisionsListener.class);
  static final String CONSUMER = "catalog.governance-reviews";

  private final Inbox inbox;
  private final EventHandlers handlers;

  public GovernanceDecisionsListener(Inbox inbox, EventCodec codec, ProductLifecycle lifecycle) {
    this.inbox = inbox;
    this.handlers =
        new EventHandlers(codec).on(GovernanceEvents.REVIEW_DECIDED, lifecycle::decided);
  }

  @Retry(
      maxRetries = ConsumerRetries.MAX_RETRIES,
      delay = ConsumerRetries.DELAY_MILLIS,
      retryOn = JDBCConnectionException.class)
  @Incoming("governance-reviews")
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
