package io.meshwork.contracts.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A consumer's request for access to a published data product, through to its agreement. */
@Entity
@Table(name = "access_request")
public class AccessRequest extends PanacheEntityBase {

  /** Who made the last offer of a negotiation: the other side accepts it. */
  public enum Side {
    CONSUMER,
    PRODUCER
  }

  @Id public UUID id;

  public String product;

  @Column(name = "product_domain")
  public String productDomain;

  public String consumer;

  @Column(name = "consumer_domain")
  public String consumerDomain;

  /** The database role / principal the grants are made for. */
  public String principal;

  @Enumerated(EnumType.STRING)
  public AccessStatus status;

  @Column(name = "output_ports")
  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> outputPorts;

  /** The columns asked for; empty means all of them. */
  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> fields;

  public String purpose;

  @Column(name = "required_sla")
  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode requiredSla;

  @Column(name = "offered_sla")
  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode offeredSla;

  @Column(name = "contract_id")
  public String contractId;

  @Column(name = "contract_version")
  public String contractVersion;

  @Column(name = "expires_at")
  public Instant expiresAt;

  /** Governance's decision: PASSED, AUTO_APPROVED, BOARD_REQUIRED, FAILED; null while pending. */
  public String compliance;

  @Column(name = "compliance_reasons")
  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> complianceReasons;

  /** Each grant's outcome on the real storage, as provisioning-service reported it. */
  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode grants;

  @Column(name = "agreement_id")
  public UUID agreementId;

  /** Why it was rejected, revoked or expired. */
  public String reason;

  @Column(name = "last_offer_by")
  @Enumerated(EnumType.STRING)
  public Side lastOfferBy;

  @Column(name = "reminded_at")
  public Instant remindedAt;

  @Column(name = "confirmed_at")
  public Instant confirmedAt;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Version
  @Column(name = "row_version")
  public long rowVersion;
}
