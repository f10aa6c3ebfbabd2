package io.meshwork.provisioning.grant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A consumer's database login, made with its first grant. The secret is kept only until the
 * consumer fetches it (once); it is never logged nor put in an event.
 */
@Entity
@Table(name = "consumer_credential")
public class ConsumerCredential extends PanacheEntityBase {

  @Id public String principal;

  public String consumer;

  @Column(name = "consumer_domain")
  public String consumerDomain;

  public String secret;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "retrieved_at")
  public Instant retrievedAt;
}
