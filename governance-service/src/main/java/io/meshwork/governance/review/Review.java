package io.meshwork.governance.review;

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

/**
 * One submission round of a product version before the governance board: the evaluation its
 * decision rests on, the overrides granted, and the decision. Round n+1 links to round n.
 */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

  @Id public UUID id;

  public String product;

  public String domain;

  public String version;

  public int round;

  @Column(name = "previous_review")
  public UUID previousReview;

  @Enumerated(EnumType.STRING)
  public ReviewStatus status;

  /** The newest evaluation of the round (a policy change re-evaluates an open round). */
  public UUID evaluation;

  /** {@code [{policy, rule, comment, by, at}]}: failed soft mandates the board let pass. */
  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode overrides;

  @Column(name = "submitted_by")
  public String submittedBy;

  @Column(name = "opened_at")
  public Instant openedAt;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decision_comment")
  public String comment;

  @Column(name = "decided_at")
  public Instant decidedAt;

  public boolean overrides(String policy, String rule) {
    for (JsonNode override : overrides) {
      if (override.path("policy").asText().equals(policy)
          && override.path("rule").asText().equals(rule)) {
        return true;
      }
    }
    return false;
  }
}
