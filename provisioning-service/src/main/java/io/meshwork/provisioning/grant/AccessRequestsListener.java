package io.meshwork.provisioning.grant;

import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.contracts.AccessEvents;
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

/** Approved access requests get their grants; revoked and expired ones lose them. */
@ApplicationScoped
public class AccessRequestsListener {

  private static final Logger LOG = Logger.getLogger(AccessRequestsListener.class);
  static final String CONSUMER = "provisioning.contracts-access-requests";

  private final Inbox inbox;
  private final EventHandlers handlers;

  public AccessRequestsListener(Inbox inbox, GrantService grants, EventCodec codec) {
    this.inbox = inbox;
    this.handlers =
        new EventHandlers(codec)
            .on(AccessEvents.APPROVED, grants::apply)
            .on(AccessEvents.REVOKED, grants::revoke)
            .on(AccessEvents.EXPIRED, grants::revoke);
  }

  @Retry(
      maxRetries = ConsumerRetries.MAX_RETRIES,
      delay = ConsumerRetries.DELAY_MILLIS,
      retryOn = JDBCConnectionException.class)
  @Incoming("contracts-access-requests")
  @Blocking
  @Transactional
  public void onEvent(String payload, IncomingCloudEventMetadata<String> event) throws Exception {
    if (!inbox.firstDelivery(CONSUMER, event.getId())) {
      LOG.debugf("Skipping redelivered event %s", event.getId());
      return;
    }
    handlers.dispatch(event.getType(), payload);
  }
}
