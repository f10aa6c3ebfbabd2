package io.meshwork.contracts.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A consumer's agreement to a contract's major version; while ACTIVE it blocks breaking changes.
 */
@Entity
@Table(name = "consumer_agreement")
public class ConsumerAgreement extends PanacheEntityBase {

  public static final String ACTIVE = "ACTIVE";
  public static final String ENDED = "ENDED";

  @Id public UUID id;

  @Column(name = "contract_id")
  public String contractId;

  public int major;

  public String consumer;

  @Column(name = "consumer_domain")
  public String consumerDomain;

  public String purpose;

  public String status;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "ended_at")
  public Instant endedAt;
}
