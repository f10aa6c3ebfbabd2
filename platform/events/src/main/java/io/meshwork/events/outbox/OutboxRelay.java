package io.meshwork.events.outbox;

import io.meshwork.events.EventTopics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hibernate.Timeouts;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka as binary-mode CloudEvents and marks them published once the
 * broker acknowledged them. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances of a service relay without sending an event twice in the normal case; after a crash an
 * event may be sent again, which idempotent consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  static final String CHANNEL = "meshwork-outbox";

  private final Emitter<String> emitter;
  private final EntityManager entityManager;
  private final OutboxConfig config;
  private final EventTopics topics;
  private final OutboxTopics outboxTopics;
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "outbox-relay"));
  private final AtomicBoolean pending = new AtomicBoolean();

  /** Events not yet relayed, as the last pass counted them ({@code meshwork_outbox_pending}). */
  private final AtomicLong backlog = new AtomicLong();

  public OutboxRelay(
      @Channel(CHANNEL) Emitter<String> emitter,
      EntityManager entityManager,
      OutboxConfig config,
      EventTopics topics,
      OutboxTopics outboxTopics,
      MeterRegistry registry) {
    Gauge.builder("meshwork.outbox.pending", backlog, AtomicLong::get)
        .description("Events in the outbox not yet relayed to Kafka")
        .register(registry);
    this.emitter = emitter;
    this.entityManager = entityManager;
    this.config = config;
    this.topics = topics;
    this.outboxTopics = outboxTopics;
  }

  /** Asks for a relay pass soon; passes never overlap and repeated wakes coalesce. */
  public void wake() {
    if (pending.compareAndSet(false, true)) {
      try {
        worker.execute(this::drain);
      } catch (RejectedExecutionException shuttingDown) {
        pending.set(false);
      }
    }
  }

  /**
   * Starts polling once the application (and with it the messaging channels, wired by an observer
   * of higher priority) has started: relays what earlier runs left behind, then acts as a safety
   * net for wakes lost to failures.
   */
  void onStart(@Observes StartupEvent event) {
    long poll = config.pollInterval().toMillis();
    worker.scheduleWithFixedDelay(this::wake, 0, poll, TimeUnit.MILLISECONDS);
    worker.scheduleWithFixedDelay(this::deleteRelayed, 1, 60, TimeUnit.MINUTES);
  }

  void onStop(@Observes ShutdownEvent event) {
    worker.shutdown();
  }

  private void deleteRelayed() {
    Instant cutoff = Instant.now().minus(config.retention());
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  entityManager
                      .createQuery("delete from OutboxEvent e where e.publishedAt < :cutoff")
                      .setParameter("cutoff", cutoff)
                      .executeUpdate());
    } catch (RuntimeException e) {
      LOG.warnf("Deleting relayed outbox events failed: %s", e.getMessage());
    }
  }

  private void drain() {
    pending.set(false);
    try {
      while (relayBatch() == config.batchSize()) {
        // a full batch: there may be more
      }
    } catch (RuntimeException e) {
      LOG.warnf("Outbox relay failed, will retry: %s", e.getMessage());
    }
    countBacklog();
  }

  /** Only after a pass: one count per pass, not per scrape. */
  private void countBacklog() {
    try {
      backlog.set(
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      entityManager
                          .createQuery(
                              "select count(e) from OutboxEvent e where e.publishedAt is null",
                              Long.class)
                          .getSingleResult()));
    } catch (RuntimeException e) {
      LOG.debugf("Cannot count the outbox backlog: %s", e.getMessage());
    }
  }

  /** Relays one batch in one transaction; returns how many events it published. */
  int relayBatch() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<OutboxEvent> batch =
                  entityManager
                      .createQuery(
                          "from OutboxEvent e where e.publishedAt is null order by e.seq",
                          OutboxEvent.class)
                      .setMaxResults(config.batchSize())
                      .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                      .setHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI)
                      .getResultList();
              if (batch.isEmpty()) {
                return 0;
              }
              List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
              for (OutboxEvent event : batch) {
                acks.add(send(event));
              }
              CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                  .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
              Instant now = Instant.now();
              batch.forEach(event -> event.publishedAt = now);
              return batch.size();
            });
  }

  private CompletableFuture<Void> send(OutboxEvent event) {
    String topic = topics.physical(event.topic);
    outboxTopics.ensureExists(topic);
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    OutgoingCloudEventMetadata<Object> cloudEvent =
        OutgoingCloudEventMetadata.builder()
            .withId(event.id.toString())
            .withType(event.eventType)
            .withSource(URI.create(event.source))
            .withSubject(event.subject)
            .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .build();
    OutgoingKafkaRecordMetadata<String> record =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withTopic(topic)
            .withKey(event.eventKey)
            .build();
    emitter.send(
        Message.of(
            event.payload,
            Metadata.of(cloudEvent, record),
            () -> {
              acknowledged.complete(null);
              return CompletableFuture.completedFuture(null);
            },
            failure -> {
              acknowledged.completeExceptionally(failure);
              return CompletableFuture.completedFuture(null);
            }));
    return acknowledged;
  }
}
