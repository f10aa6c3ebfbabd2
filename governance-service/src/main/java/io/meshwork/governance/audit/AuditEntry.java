package io.meshwork.governance.audit;

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

/** One line of the audit trail: who did what to which product, when, under which policies. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String product;

  public String domain;

  public String version;

  @Enumerated(EnumType.STRING)
  public AuditAction action;

  public String actor;

  @Column(name = "review_id")
  public UUID reviewId;

  @Column(name = "evaluation_id")
  public UUID evaluationId;

  /** The policy documents and versions that applied: {@code [{document, version}]}. */
  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode policies;

  /** What the action decided or found (outcome, findings, comment, override reason). */
  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode details;

  @Column(name = "occurred_at")
  public Instant occurredAt;
}
