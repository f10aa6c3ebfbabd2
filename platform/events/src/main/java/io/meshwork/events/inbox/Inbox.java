package io.meshwork.events.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Makes consumers idempotent: records each CloudEvent id a consumer handled, in the same
 * transaction as the handling, so a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

  private final EntityManager entityManager;

  public Inbox(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Claims {@code eventId} for {@code consumer} in the current transaction.
   *
   * @return true the first time; false if that consumer already handled the event
   */
  public boolean firstDelivery(String consumer, String eventId) {
    int inserted =
        entityManager
            .createNativeQuery(
                "INSERT INTO processed_event (consumer, event_id, processed_at)"
                    + " VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING")
            .setParameter(1, consumer)
            .setParameter(2, eventId)
            .executeUpdate();
    return inserted == 1;
  }
}
