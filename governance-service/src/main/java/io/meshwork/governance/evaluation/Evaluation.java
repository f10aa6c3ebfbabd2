package io.meshwork.governance.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored evaluation of one product version: the policies that applied and every finding. */
@Entity
@Table(name = "evaluation")
public class Evaluation extends PanacheEntityBase {

  /** Why the product was evaluated. */
  public enum Trigger {
    SUBMITTED,
    POLICY_CHANGED,
    REQUESTED
  }

  @Id public UUID id;

  public String product;

  public String domain;

  public String version;

  @Column(name = "trigger_kind")
  @Enumerated(EnumType.STRING)
  public Trigger trigger;

  @Enumerated(EnumType.STRING)
  public Outcome outcome;

  /** {@code [{policy, enforcement, document, documentVersion, scope}]}. */
  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode policies;

  /** {@code [Finding]}. */
  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode findings;

  @Column(name = "evaluated_by")
  public String evaluatedBy;

  @Column(name = "evaluated_at")
  public Instant evaluatedAt;
}
