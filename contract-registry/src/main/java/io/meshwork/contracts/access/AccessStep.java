package io.meshwork.contracts.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One step of a request (an offer, a decision, a grant), never changed: its audit trail. */
@Entity
@Table(name = "access_step")
public class AccessStep extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "request_id")
  public UUID requestId;

  public String action;

  @Column(name = "from_status")
  @Enumerated(EnumType.STRING)
  public AccessStatus fromStatus;

  @Column(name = "to_status")
  @Enumerated(EnumType.STRING)
  public AccessStatus toStatus;

  @Enumerated(EnumType.STRING)
  public AccessRequest.Side side;

  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode sla;

  @Column(name = "contract_version")
  public String contractVersion;

  public String reason;

  public String actor;

  @Column(name = "occurred_at")
  public Instant occurredAt;
}
