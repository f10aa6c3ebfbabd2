package io.meshwork.events.contracts;

import io.meshwork.events.EventType;
import java.util.List;

/**
 * Access requests to data products, owned by contract-registry (key = the request's id). Every step
 * of the workflow is an event of its own type with the same payload: governance-service checks
 * {@code compliance-requested}, provisioning-service applies {@code approved} and takes back {@code
 * revoked} and {@code expired}.
 */
public final class AccessEvents {

  public static final String TOPIC = "meshwork.contracts.access-request.v1";

  public static final EventType<AccessRequestChanged> REQUESTED = type("requested");
  public static final EventType<AccessRequestChanged> PROPOSED = type("proposed");
  public static final EventType<AccessRequestChanged> COUNTERED = type("countered");
  public static final EventType<AccessRequestChanged> COMPLIANCE_REQUESTED =
      type("compliance-requested");
  public static final EventType<AccessRequestChanged> APPROVED = type("approved");
  public static final EventType<AccessRequestChanged> ACTIVATED = type("activated");
  public static final EventType<AccessRequestChanged> REJECTED = type("rejected");
  public static final EventType<AccessRequestChanged> REVOKED = type("revoked");
  public static final EventType<AccessRequestChanged> EXPIRED = type("expired");

  /** Sent once, a configured time before the agreement expires. */
  public static final EventType<AccessRequestChanged> EXPIRING = type("expiring");

  public static final List<EventType<?>> ALL =
      List.of(
          REQUESTED,
          PROPOSED,
          COUNTERED,
          COMPLIANCE_REQUESTED,
          APPROVED,
          ACTIVATED,
          REJECTED,
          REVOKED,
          EXPIRED,
          EXPIRING);

  private AccessEvents() {}

  private static EventType<AccessRequestChanged> type(String verb) {
    return new EventType<>(
        "io.meshwork.contracts.access-request." + verb + ".v1",
        TOPIC,
        ContractEvents.SOURCE,
        AccessRequestChanged.class);
  }
}
