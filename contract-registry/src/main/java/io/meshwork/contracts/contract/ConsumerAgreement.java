package io.meshwork.contracts.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

  /** For an agreement made by an access request: the request, its product and what it pins. */
  @Column(name = "access_request")
  public UUID accessRequest;

  public String product;

  @Column(name = "contract_version")
  public String contractVersion;

  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> fields;

  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode sla;

  @Column(name = "expires_at")
  public Instant expiresAt;
}
