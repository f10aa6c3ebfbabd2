package io.meshwork.governance.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An evaluation: the verdict ({@code passed}, {@code warned}, {@code failed}), whether it blocks (a
 * failed hard or soft mandate), the policies that applied and each rule's finding. A dry run has no
 * {@code id}: it is not stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationResponse(
    UUID id,
    String product,
    String domain,
    String version,
    Evaluation.Trigger trigger,
    Outcome outcome,
    boolean blocking,
    JsonNode policies,
    JsonNode findings,
    String evaluatedBy,
    Instant evaluatedAt) {

  public static EvaluationResponse of(Evaluation evaluation) {
    boolean blocking = false;
    for (JsonNode finding : evaluation.findings) {
      blocking |=
          "failed".equals(finding.path("outcome").asText())
              && !"soft-guidance".equals(finding.path("enforcement").asText());
    }
    return new EvaluationResponse(
        evaluation.id,
        evaluation.product,
        evaluation.domain,
        evaluation.version,
        evaluation.trigger,
        evaluation.outcome,
        blocking,
        evaluation.policies,
        evaluation.findings,
        evaluation.evaluatedBy,
        evaluation.evaluatedAt);
  }
}
