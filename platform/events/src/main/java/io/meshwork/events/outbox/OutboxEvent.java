package io.meshwork.events.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event waiting in (or already relayed from) the service's outbox table. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

  @Id public UUID id;

  @Column(insertable = false, updatable = false)
  public Long seq;

  @Column(name = "event_type")
  public String eventType;

  public String source;

  public String topic;

  @Column(name = "event_key")
  public String eventKey;

  public String subject;

  public String payload;

  @Column(name = "occurred_at")
  public Instant occurredAt;

  @Column(name = "published_at")
  public Instant publishedAt;
}
