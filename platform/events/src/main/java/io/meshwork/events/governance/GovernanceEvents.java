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

  public static final String ACCESS_CHECK_TOPIC = "meshwork.governance.access-check.v1";

  /** Key = the access request's id; contract-registry moves the request on. */
  public static final EventType<AccessChecked> ACCESS_CHECKED =
      new EventType<>(
          "io.meshwork.governance.access-check.completed.v1",
          ACCESS_CHECK_TOPIC,
          SOURCE,
          AccessChecked.class);

  private GovernanceEvents() {}
}
