package io.meshwork.contracts.contract;

import io.meshwork.contracts.contract.diff.ContractChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bodies of the contract API. */
public final class ContractResponses {

  private ContractResponses() {}

  public record VersionSummary(
      String version, String status, String sourceFormat, String createdBy, Instant createdAt) {
    static VersionSummary of(ContractVersion v) {
      return new VersionSummary(v.version, v.status, v.sourceFormat, v.createdBy, v.createdAt);
    }
  }

  public record CreatedVersion(
      String id,
      String domain,
      String version,
      String status,
      String sourceFormat,
      List<ContractChange> changes) {}

  public record ContractSummary(
      String id, String domain, String name, String latestVersion, String latestStatus) {}

  public record ContractDetail(
      String id,
      String domain,
      String name,
      List<VersionSummary> versions,
      long activeAgreements) {}

  public record Diff(
      String id, String from, String to, boolean breaking, List<ContractChange> changes) {}

  public record AgreementResponse(
      UUID id,
      String contractId,
      int major,
      String consumer,
      String consumerDomain,
      String purpose,
      String status,
      Instant createdAt,
      Instant endedAt) {
    static AgreementResponse of(ConsumerAgreement a) {
      return new AgreementResponse(
          a.id,
          a.contractId,
          a.major,
          a.consumer,
          a.consumerDomain,
          a.purpose,
          a.status,
          a.createdAt,
          a.endedAt);
    }
  }

  public record AuditEntry(
      String version,
      String action,
      String fromStatus,
      String toStatus,
      String actor,
      String reason,
      Instant at) {
    static AuditEntry of(ContractAudit a) {
      return new AuditEntry(a.version, a.action, a.fromStatus, a.toStatus, a.actor, a.reason, a.at);
    }
  }
}
