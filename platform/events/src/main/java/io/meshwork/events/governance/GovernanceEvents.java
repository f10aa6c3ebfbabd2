package io.meshwork.events.governance;

import io.meshwork.events.EventType;

/** Events owned by governance-service. */
public final class GovernanceEvents {

  public static final String SOURCE = "/governance-service";
  public static final String REVIEW_TOPIC = "meshwork.governance.review.v1";

  /**
   * Key = the product's name. The only way a data product becomes APPROVED or CHANGES_REQUESTED:
   * catalog-service applies it to the product's lifecycle.
   */
  public static final EventType<ReviewDecided> REVIEW_DECIDED =
      new EventType<>(
          "io.meshwork.governance.review.decided.v1", REVIEW_TOPIC, SOURCE, ReviewDecided.class);

  private GovernanceEvents() {}
}
