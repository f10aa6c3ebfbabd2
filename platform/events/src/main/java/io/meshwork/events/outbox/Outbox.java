package io.meshwork.events.outbox;

import io.meshwork.events.EventCodec;
import io.meshwork.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits,
 * and then at least once (the relay retries until the broker acknowledges).
 */
@ApplicationScoped
public class Outbox {

  private final EventCodec codec;
  private final TransactionSynchronizationRegistry transactions;
  private final OutboxRelay relay;

  public Outbox(
      EventCodec codec, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
    this.codec = codec;
    this.transactions = transactions;
    this.relay = relay;
  }

  /**
   * @param key the aggregate id: Kafka's partitioning key, so one aggregate's events stay ordered
   * @param subject CloudEvents {@code subject}, e.g. {@code marketing/customer_segments}
   * @return the CloudEvents id of the recorded event
   */
  public <T> UUID publish(EventType<T> type, String key, String subject, T payload) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("Outbox.publish needs an active transaction");
    }
    OutboxRow row = row(type, key, subject, payload);
    OutboxEvent event = new OutboxEvent();
    event.id = row.id();
    event.eventType = row.eventType();
    event.source = row.source();
    event.topic = row.topic();
    event.eventKey = row.eventKey();
    event.subject = row.subject();
    event.payload = row.payload();
    event.occurredAt = row.occurredAt();
    event.persist();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              relay.wake();
            }
          }
        });
    return event.id;
  }

  /**
   * The row of an event that the caller writes in its own SQL statement (see {@link OutboxRow});
   * after that statement's transaction committed, it calls {@link #relayCommitted()}.
   */
  public <T> OutboxRow row(EventType<T> type, String key, String subject, T payload) {
    return new OutboxRow(
        UUID.randomUUID(),
        type.type(),
        type.source(),
        type.topic(),
        key,
        subject,
        codec.encode(payload),
        Instant.now());
  }

  /** Rows written with {@link OutboxRow} have committed: relay them soon. */
  public void relayCommitted() {
    relay.wake();
  }
}
