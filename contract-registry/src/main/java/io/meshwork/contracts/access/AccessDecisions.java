package io.meshwork.contracts.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.contracts.contract.ConsumerAgreement;
import io.meshwork.contracts.contract.ContractVersion;
import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.DomainAccessDeniedException;
import io.meshwork.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Decisions on a request: governance's compliance check, the producer's (or the board's) approval,
 * the grants being applied, rejection, revocation, expiry.
 */
@ApplicationScoped
public class AccessDecisions {

  static final String SYSTEM = "meshwork";

  private final AccessSteps steps;

  public AccessDecisions(AccessSteps steps) {
    this.steps = steps;
  }

  /** Governance's answer to the compliance check (its event); later answers to old checks lose. */
  @Transactional
  public void complianceChecked(UUID id, String decision, List<String> reasons) {
    AccessRequest request = AccessRequest.findById(id, LockModeType.NONE);
    if (request == null || request.status != AccessStatus.COMPLIANCE_CHECK) {
      return;
    }
    request.compliance = decision;
    request.complianceReasons = reasons == null ? List.of() : List.copyOf(reasons);
    String why = String.join("; ", request.complianceReasons);
    switch (decision) {
      case "AUTO_APPROVED" ->
          steps.move(
              request,
              AccessStatus.APPROVED,
              "auto-approve",
              why,
              "governance",
              AccessEvents.APPROVED);
      case "FAILED" -> {
        request.reason = "Governance: " + why;
        steps.move(
            request,
            AccessStatus.REJECTED,
            "compliance-failed",
            request.reason,
            "governance",
            AccessEvents.REJECTED);
      }
      default -> request.updatedAt = Instant.now();
    }
  }

  /**
   * The producer approves once governance passed the request; where governance asks for the board
   * (personal data), only the board does.
   */
  @Transactional
  public AccessRequest approve(UUID id, String reason, Caller caller) {
    AccessRequest request = AccessQueries.forUpdate(id);
    boolean board = caller.hasRole(Roles.GOVERNANCE_BOARD);
    if (!board && !AccessQueries.isProducer(request, caller)) {
      throw new DomainAccessDeniedException(
          caller.name()
              + " may not approve: only owners of domain '"
              + request.productDomain
              + "' or the governance board do");
    }
    request.status.requireAllowed(AccessStatus.APPROVED, "approve");
    if (request.compliance == null) {
      throw new ConflictException(
          "contracts.access.compliance-pending",
          "Governance has not finished its compliance check of this request yet");
    }
    if ("BOARD_REQUIRED".equals(request.compliance) && !board) {
      throw new DomainAccessDeniedException(
          "Governance asks the board to decide ("
              + String.join("; ", request.complianceReasons)
              + "): needs role "
              + Roles.GOVERNANCE_BOARD);
    }
    steps.move(
        request, AccessStatus.APPROVED, "approve", reason, caller.name(), AccessEvents.APPROVED);
    return request;
  }

  @Transactional
  public AccessRequest reject(UUID id, String reason, Caller caller) {
    AccessRequest request = AccessQueries.forUpdate(id);
    requireDecider(request, caller, "reject");
    requireReason(reason);
    request.reason = reason;
    steps.move(
        request, AccessStatus.REJECTED, "reject", reason, caller.name(), AccessEvents.REJECTED);
    return request;
  }

  /** Immediate: the grants are taken back as soon as provisioning-service reads the event. */
  @Transactional
  public AccessRequest revoke(UUID id, String reason, Caller caller) {
    AccessRequest request = AccessQueries.forUpdate(id);
    requireDecider(request, caller, "revoke");
    requireReason(reason);
    end(request, AccessStatus.REVOKED, "revoke", reason, caller.name());
    return request;
  }

  /** The producer confirms, at a periodic review, that the agreement should go on. */
  @Transactional
  public AccessRequest confirm(UUID id, Caller caller) {
    AccessRequest request = AccessQueries.forUpdate(id);
    if (!AccessQueries.isProducer(request, caller)) {
      throw new DomainAccessDeniedException(
          caller.name()
              + " may not confirm: only owners of domain '"
              + request.productDomain
              + "' do");
    }
    if (request.status != AccessStatus.ACTIVE) {
      throw new ConflictException(
          "contracts.access.not-active",
          "Only an ACTIVE agreement is confirmed; it is " + request.status);
    }
    request.confirmedAt = Instant.now();
    request.updatedAt = request.confirmedAt;
    return request;
  }

  /** provisioning-service applied the grants: the request becomes the signed agreement. */
  @Transactional
  public void grantsApplied(UUID id, boolean complete, JsonNode grants) {
    AccessRequest request = AccessRequest.findById(id);
    if (request == null || request.status != AccessStatus.APPROVED) {
      return;
    }
    request.grants = grants;
    request.updatedAt = Instant.now();
    if (!complete) {
      request.reason = "Some grants could not be applied; see grants";
      return;
    }
    request.reason = null;
    request.agreementId = sign(request);
    steps.move(
        request, AccessStatus.ACTIVE, "activate", null, "provisioning", AccessEvents.ACTIVATED);
    supersede(request);
  }

  /**
   * A consumer moves to a new major of a contract only through a new request; once that one is
   * ACTIVE, its older agreements with the product on lower majors end (their grants go with them;
   * provisioning keeps what the new agreement still grants).
   */
  private void supersede(AccessRequest request) {
    ConsumerAgreement signed =
        request.agreementId == null ? null : ConsumerAgreement.findById(request.agreementId);
    if (signed == null) {
      return;
    }
    for (AccessRequest older :
        AccessRequest.<AccessRequest>list(
            "product = ?1 and principal = ?2 and contractId = ?3 and status = ?4 and id <> ?5",
            request.product,
            request.principal,
            request.contractId,
            AccessStatus.ACTIVE,
            request.id)) {
      ConsumerAgreement old =
          older.agreementId == null ? null : ConsumerAgreement.findById(older.agreementId);
      if (old != null && old.major < signed.major) {
        end(
            older,
            AccessStatus.REVOKED,
            "supersede",
            "superseded by access request " + request.id + " on major " + signed.major,
            SYSTEM);
      }
    }
  }

  @Transactional
  public void grantsRevoked(UUID id, JsonNode grants) {
    AccessRequest request = AccessRequest.findById(id);
    if (request != null) {
      request.grants = grants;
      request.updatedAt = Instant.now();
    }
  }

  /** Called by the expiry job, one request per transaction. */
  @Transactional
  public boolean expire(UUID id) {
    AccessRequest request = AccessRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (request == null
        || request.status != AccessStatus.ACTIVE
        || request.expiresAt.isAfter(Instant.now())) {
      return false;
    }
    end(request, AccessStatus.EXPIRED, "expire", "expired at " + request.expiresAt, SYSTEM);
    return true;
  }

  @Transactional
  public boolean remind(UUID id) {
    AccessRequest request = AccessRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (request == null || request.status != AccessStatus.ACTIVE || request.remindedAt != null) {
      return false;
    }
    request.remindedAt = Instant.now();
    steps.announce(
        request,
        AccessEvents.EXPIRING,
        "expires at " + request.expiresAt,
        SYSTEM,
        request.remindedAt);
    return true;
  }

  private void end(
      AccessRequest request, AccessStatus to, String action, String reason, String by) {
    request.status.requireAllowed(to, action);
    request.reason = reason;
    if (request.agreementId != null) {
      ConsumerAgreement agreement = ConsumerAgreement.findById(request.agreementId);
      if (agreement != null && ConsumerAgreement.ACTIVE.equals(agreement.status)) {
        agreement.status = ConsumerAgreement.ENDED;
        agreement.endedAt = Instant.now();
      }
    }
    steps.move(
        request,
        to,
        action,
        reason,
        by,
        to == AccessStatus.EXPIRED ? AccessEvents.EXPIRED : AccessEvents.REVOKED);
  }

  /** The ACTIVE agreement pins the contract's major, the fields and the service level. */
  private static UUID sign(AccessRequest request) {
    ConsumerAgreement agreement = new ConsumerAgreement();
    agreement.id = UUID.randomUUID();
    agreement.contractId = request.contractId;
    ContractVersion version =
        request.contractId == null
            ? null
            : ContractVersion.findById(
                new ContractVersion.Key(request.contractId, request.contractVersion));
    if (version == null) {
      return null;
    }
    agreement.major = version.major;
    agreement.consumer = request.consumer;
    agreement.consumerDomain = request.consumerDomain;
    agreement.purpose = request.purpose;
    agreement.status = ConsumerAgreement.ACTIVE;
    agreement.createdBy = request.consumer;
    agreement.createdAt = Instant.now();
    agreement.accessRequest = request.id;
    agreement.product = request.product;
    agreement.contractVersion = request.contractVersion;
    agreement.fields = request.fields;
    agreement.sla = request.offeredSla;
    agreement.expiresAt = request.expiresAt;
    agreement.persist();
    return agreement.id;
  }

  private static void requireDecider(AccessRequest request, Caller caller, String action) {
    if (!AccessQueries.isConsumer(request, caller)
        && !AccessQueries.isProducer(request, caller)
        && !caller.hasRole(Roles.GOVERNANCE_BOARD)) {
      throw new DomainAccessDeniedException(
          caller.name()
              + " may not "
              + action
              + ": neither the consumer, an owner of domain '"
              + request.productDomain
              + "' nor the governance board");
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw InvalidRequestException.ofField(
          "contracts.access.invalid", "reason", "is required: say why");
    }
  }
}
