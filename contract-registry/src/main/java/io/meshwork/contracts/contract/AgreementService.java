package io.meshwork.contracts.contract;

import io.meshwork.events.contracts.ConsumerAgreementSigned;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.ResourceNotFoundException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.DomainAccessDeniedException;
import io.meshwork.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Consumers' agreements to a contract's major version. */
@ApplicationScoped
public class AgreementService {

  private final ContractService contracts;
  private final Outbox outbox;

  public AgreementService(ContractService contracts, Outbox outbox) {
    this.contracts = contracts;
    this.outbox = outbox;
  }

  @Transactional
  public ConsumerAgreement sign(
      String id, Integer major, String consumerDomain, String purpose, Caller caller) {
    contracts.contract(id);
    int pinned =
        major != null
            ? major
            : contracts
                .latest(id)
                .map(v -> v.major)
                .orElseThrow(() -> ContractProblems.versionNotFound(id, "latest"));
    if (ContractVersion.count(
            "contractId = ?1 and major = ?2 and status in ('active', 'deprecated')", id, pinned)
        == 0) {
      throw InvalidRequestException.ofField(
          "contracts.agreement.no-active-version",
          "major",
          "contract '" + id + "' has no active version with major " + pinned);
    }
    if (consumerDomain != null
        && !caller.domains().contains(consumerDomain)
        && !caller.hasRole(Roles.PLATFORM_ADMIN)) {
      throw new DomainAccessDeniedException(
          caller.name()
              + " cannot sign for domain '"
              + consumerDomain
              + "': not one of "
              + caller.domains());
    }
    ConsumerAgreement agreement = new ConsumerAgreement();
    agreement.id = UUID.randomUUID();
    agreement.contractId = id;
    agreement.major = pinned;
    agreement.consumer = caller.name();
    agreement.consumerDomain =
        consumerDomain != null
            ? consumerDomain
            : caller.domains().stream().findFirst().orElse(null);
    agreement.purpose = purpose;
    agreement.status = ConsumerAgreement.ACTIVE;
    agreement.createdBy = caller.name();
    agreement.createdAt = Instant.now();
    agreement.persist();
    ContractService.audit(
        id,
        "major " + pinned,
        "AGREEMENT_SIGNED",
        null,
        null,
        caller.name(),
        purpose,
        agreement.createdAt);
    outbox.publish(
        ContractEvents.AGREEMENT_SIGNED,
        id,
        id + "/agreements/" + agreement.id,
        new ConsumerAgreementSigned(
            agreement.id,
            id,
            pinned,
            agreement.consumer,
            agreement.consumerDomain,
            agreement.createdAt));
    return agreement;
  }

  @Transactional
  public ConsumerAgreement end(String id, UUID agreementId, Caller caller) {
    DataContract contract = contracts.contract(id);
    ConsumerAgreement agreement = ConsumerAgreement.findById(agreementId);
    if (agreement == null || !agreement.contractId.equals(id)) {
      throw new ResourceNotFoundException(
          "contracts.agreement.not-found", "Contract '" + id + "' has no agreement " + agreementId);
    }
    boolean own = agreement.consumer.equals(caller.name());
    if (!own && !caller.mayChange(contract.domain)) {
      throw new DomainAccessDeniedException(
          caller.name() + " may not end an agreement of " + agreement.consumer);
    }
    if (ConsumerAgreement.ACTIVE.equals(agreement.status)) {
      agreement.status = ConsumerAgreement.ENDED;
      agreement.endedAt = Instant.now();
      ContractService.audit(
          id,
          "major " + agreement.major,
          "AGREEMENT_ENDED",
          null,
          null,
          caller.name(),
          null,
          agreement.endedAt);
    }
    return agreement;
  }

  public List<ConsumerAgreement> list(String id) {
    contracts.contract(id);
    return ConsumerAgreement.list("contractId = ?1 order by createdAt", id);
  }
}
