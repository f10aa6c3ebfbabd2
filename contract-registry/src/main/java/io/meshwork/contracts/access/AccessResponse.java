package io.meshwork.contracts.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An access request with every step it went through. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessResponse(
    UUID id,
    String product,
    String productDomain,
    String consumer,
    String consumerDomain,
    String principal,
    AccessStatus status,
    List<String> next,
    List<String> outputPorts,
    List<String> fields,
    String purpose,
    JsonNode requiredSla,
    JsonNode offeredSla,
    String contractId,
    String contractVersion,
    Instant expiresAt,
    String compliance,
    List<String> complianceReasons,
    JsonNode grants,
    UUID agreementId,
    String reason,
    Instant createdAt,
    Instant updatedAt,
    List<Step> steps) {

  /** One step: what was done, by whom, from which state to which, with what offer or reason. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Step(
      String action,
      AccessStatus from,
      AccessStatus to,
      AccessRequest.Side side,
      JsonNode sla,
      String contractVersion,
      String reason,
      String by,
      Instant at) {

    static Step of(AccessStep step) {
      return new Step(
          step.action,
          step.fromStatus,
          step.toStatus,
          step.side,
          step.sla,
          step.contractVersion,
          step.reason,
          step.actor,
          step.occurredAt);
    }
  }

  static AccessResponse of(AccessRequest r, boolean withSteps) {
    List<Step> steps =
        withSteps
            ? AccessStep.<AccessStep>list("requestId = ?1 order by id", r.id).stream()
                .map(Step::of)
                .toList()
            : null;
    return new AccessResponse(
        r.id,
        r.product,
        r.productDomain,
        r.consumer,
        r.consumerDomain,
        r.principal,
        r.status,
        r.status.next().stream().map(Enum::name).sorted().toList(),
        r.outputPorts,
        r.fields,
        r.purpose,
        r.requiredSla,
        r.offeredSla,
        r.contractId,
        r.contractVersion,
        r.expiresAt,
        r.compliance,
        r.complianceReasons,
        r.grants,
        r.agreementId,
        r.reason,
        r.createdAt,
        r.updatedAt,
        steps);
  }
}
