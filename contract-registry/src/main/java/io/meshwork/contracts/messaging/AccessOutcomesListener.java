package io.meshwork.contracts.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.contracts.access.AccessDecisions;
import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.governance.AccessChecked;
import io.meshwork.events.governance.GovernanceEvents;
import io.meshwork.events.inbox.ConsumerRetries;
import io.meshwork.events.inbox.Inbox;
import io.meshwork.events.provisioning.GrantsChanged;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Moves access requests on from the other services' answers: governance's compliance check, and
 * provisioning's grants on the real storage.
 */
@ApplicationScoped
public class AccessOutcomesListener {

  private static final Logger LOG = Logger.getLogger(AccessOutcomesListener.class);
  static final String CHECKS = "contracts.governance-access-checks";
  static final String GRANTS = "contracts.provisioning-grants";

  private final Inbox inbox;
  private final AccessDecisions decisions;
  private final ObjectMapper mapper;
  private final EventHandlers checks;
  private final EventHandlers grants;

  public AccessOutcomesListener(
      Inbox inbox, AccessDecisions decisions, EventCodec codec, ObjectMapper mapper) {
    this.inbox = inbox;
    this.decisions = decisions;
    this.mapper = mapper;
    this.checks = new EventHandlers(codec).on(GovernanceEvents.ACCESS_CHECKED, this::checked);
    this.grants =
        new EventHandlers(codec)
            .on(ProvisioningEvents.GRANTS_APPLIED, this::applied)
            .on(ProvisioningEvents.GRANTS_REVOKED, this::revoked);
  }

  @Retry(
      maxRetries = ConsumerRetries.MAX_RETRIES,
      delay = ConsumerRetries.DELAY_MILLIS,
      retryOn = JDBCConnectionException.class)
  @Incoming("governance-access-checks")
  @Blocking
  @Transactional
  public void onCheck(String payload, IncomingCloudEventMetadata<String> event) throws Exception {
    if (inbox.firstDelivery(CHECKS, event.getId())) {
      checks.dispatch(event.getType(), payload);
    } else {
      LOG.debugf("Skipping redelivered event %s", event.getId());
    }
  }

  @Retry(
      maxRetries = ConsumerRetries.MAX_RETRIES,
      delay = ConsumerRetries.DELAY_MILLIS,
      retryOn = JDBCConnectionException.class)
  @Incoming("provisioning-grants")
  @Blocking
  @Transactional
  public void onGrants(String payload, IncomingCloudEventMetadata<String> event) throws Exception {
    if (inbox.firstDelivery(GRANTS, event.getId())) {
      grants.dispatch(event.getType(), payload);
    } else {
      LOG.debugf("Skipping redelivered event %s", event.getId());
    }
  }

  private void checked(AccessChecked checked) {
    decisions.complianceChecked(checked.requestId(), checked.decision(), checked.reasons());
  }

  private void applied(GrantsChanged changed) {
    decisions.grantsApplied(
        changed.requestId(), changed.complete(), mapper.valueToTree(changed.grants()));
  }

  private void revoked(GrantsChanged changed) {
    decisions.grantsRevoked(changed.requestId(), mapper.valueToTree(changed.grants()));
  }
}
