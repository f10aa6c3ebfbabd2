package io.meshwork.governance.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.governance.evaluation.Finding;
import io.meshwork.governance.evaluation.Outcome;
import io.meshwork.governance.evaluation.PolicyEngine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A review round: its product version, status, the findings of its newest evaluation (with
 * overrides applied), whether they still block approval, and the decision once made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewResponse(
    UUID id,
    String product,
    String domain,
    String version,
    int round,
    UUID previousReview,
    ReviewStatus status,
    Outcome outcome,
    boolean blocking,
    List<Finding> findings,
    JsonNode overrides,
    UUID evaluation,
    String submittedBy,
    Instant openedAt,
    String decidedBy,
    String comment,
    Instant decidedAt) {

  public static ReviewResponse of(Review review, List<Finding> findings) {
    return new ReviewResponse(
        review.id,
        review.product,
        review.domain,
        review.version,
        review.round,
        review.previousReview,
        review.status,
        PolicyEngine.Result.outcomeOf(findings),
        findings.stream().anyMatch(Finding::blocking),
        findings,
        review.overrides,
        review.evaluation,
        review.submittedBy,
        review.openedAt,
        review.decidedBy,
        review.comment,
        review.decidedAt);
  }
}
