package io.meshwork.governance.messaging;

import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.events.contracts.AccessRequestChanged;
import io.meshwork.events.governance.AccessChecked;
import io.meshwork.events.governance.GovernanceEvents;
import io.meshwork.events.inbox.ConsumerRetries;
import io.meshwork.events.inbox.Inbox;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.governance.access.AccessCheck;
import io.meshwork.governance.audit.AuditAction;
import io.meshwork.governance.audit.AuditTrail;
import io.meshwork.governance.product.KnownProduct;
import io.meshwork.governance.rules.ProductDescriptor;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/** Checks access requests that reach COMPLIANCE_CHECK and answers contract-registry. */
@ApplicationScoped
public class AccessRequestsListener {

  private static final Logger LOG = Logger.getLogger(AccessRequestsListener.class);
  static final String CONSUMER = "governance.contracts-access-requests";

  private final Inbox inbox;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final EventHandlers handlers;

  public AccessRequestsListener(Inbox inbox, Outbox outbox, AuditTrail audit, EventCodec codec) {
    this.inbox = inbox;
    this.outbox = outbox;
    this.audit = audit;
    this.handlers = new EventHandlers(codec).on(AccessEvents.COMPLIANCE_REQUESTED, this::check);
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

  private void check(AccessRequestChanged request) {
    KnownProduct product = KnownProduct.findById(request.product());
    AccessCheck.Result result =
        AccessCheck.check(
            product == null ? null : ProductDescriptor.of(product.spec),
            product == null ? null : product.status,
            request.fields());
    Instant now = Instant.now();
    audit.record(
        new AuditTrail.Subject(
            request.product(), request.productDomain(), product == null ? null : product.version),
        AuditAction.ACCESS_CHECKED,
        "governance",
        null,
        null,
        null,
        Map.of(
            "accessRequest", request.requestId().toString(),
            "consumer", request.consumer(),
            "decision", result.decision(),
            "reasons", result.reasons()));
    outbox.publish(
        GovernanceEvents.ACCESS_CHECKED,
        request.requestId().toString(),
        "access-checks/" + request.requestId(),
        new AccessChecked(
            request.requestId(), request.product(), result.decision(), result.reasons(), now));
  }
}
