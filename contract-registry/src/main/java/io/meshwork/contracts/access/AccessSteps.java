package io.meshwork.contracts.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.events.EventType;
import io.meshwork.events.contracts.AccessRequestChanged;
import io.meshwork.events.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Moves a request to its next state: checks the move is allowed, records the step (the audit trail
 * and the negotiation rounds) and announces it through the outbox, all in the caller's transaction.
 */
@ApplicationScoped
public class AccessSteps {

  private final Outbox outbox;

  public AccessSteps(Outbox outbox) {
    this.outbox = outbox;
  }

  /** A step with no offer in it. */
  public void move(
      AccessRequest request,
      AccessStatus to,
      String action,
      String reason,
      String actor,
      EventType<AccessRequestChanged> event) {
    move(request, to, action, null, null, reason, actor, event);
  }

  public void move(
      AccessRequest request,
      AccessStatus to,
      String action,
      AccessRequest.Side side,
      JsonNode sla,
      String reason,
      String actor,
      EventType<AccessRequestChanged> event) {
    AccessStatus from = request.status;
    if (from != null) {
      from.requireAllowed(to, action);
    }
    Instant now = Instant.now();
    request.status = to;
    request.updatedAt = now;
    AccessStep step = new AccessStep();
    step.requestId = request.id;
    step.action = action;
    step.fromStatus = from;
    step.toStatus = to;
    step.side = side;
    step.sla = sla;
    step.contractVersion = side == AccessRequest.Side.PRODUCER ? request.contractVersion : null;
    step.reason = reason;
    step.actor = actor;
    step.occurredAt = now;
    if (from == null) {
      request.persist();
    }
    step.persist();
    announce(request, event, reason, actor, now);
  }

  /** An event about the request without a change of state (the expiry reminder). */
  public void announce(
      AccessRequest request,
      EventType<AccessRequestChanged> event,
      String reason,
      String actor,
      Instant at) {
    outbox.publish(
        event,
        request.id.toString(),
        "access-requests/" + request.id,
        new AccessRequestChanged(
            request.id,
            request.product,
            request.productDomain,
            request.consumer,
            request.consumerDomain,
            request.principal,
            request.status.name(),
            request.outputPorts,
            request.fields,
            request.purpose,
            request.contractId,
            request.contractVersion,
            request.offeredSla,
            request.expiresAt,
            reason,
            actor,
            at));
  }
}
