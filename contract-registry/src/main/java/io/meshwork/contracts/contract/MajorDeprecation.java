package io.meshwork.contracts.contract;

import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.contracts.ContractMajorDeprecated;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.Problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deprecating the last active version of a major that consumers pin: the producer names the sunset
 * date (and may name the successor, a version of a higher major), and each pinning consumer is told
 * in one event. Their agreements stay as signed; they move to the successor only by asking for
 * access again, and the new agreement then supersedes the old one.
 */
@ApplicationScoped
class MajorDeprecation {

  private final Outbox outbox;

  MajorDeprecation(Outbox outbox) {
    this.outbox = outbox;
  }

  void deprecated(
      DataContract contract,
      ContractVersion version,
      ContractRequests.StatusChange change,
      String by,
      Instant now) {
    List<ConsumerAgreement> pinning = ContractService.activeAgreements(contract.id, version.major);
    long othersActive =
        ContractVersion.count(
            "contractId = ?1 and major = ?2 and status = 'active' and version <> ?3",
            contract.id,
            version.major,
            version.version);
    List<Violation> problems = new ArrayList<>();
    if (change.sunsetAt() != null && !change.sunsetAt().isAfter(now)) {
      problems.add(new Violation("sunsetAt", "must be in the future"));
    }
    if (!pinning.isEmpty() && othersActive == 0 && change.sunsetAt() == null) {
      problems.add(
          new Violation(
              "sunsetAt",
              "is required: "
                  + pinning.size()
                  + " active agreement(s) pin major "
                  + version.major
                  + " and must be told when it ends"));
    }
    if (change.successor() != null) {
      ContractVersion successor =
          ContractVersion.findById(new ContractVersion.Key(contract.id, change.successor()));
      if (successor == null || successor.major <= version.major) {
        problems.add(
            new Violation(
                "successor", "must be a stored version of a major above " + version.major));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(
          "contracts.contract.invalid-deprecation", "The deprecation is not valid", problems);
    }
    if (pinning.isEmpty() || othersActive > 0) {
      return;
    }
    outbox.publish(
        ContractEvents.MAJOR_DEPRECATED,
        contract.id,
        contract.id + "/" + version.version + "/deprecated",
        new ContractMajorDeprecated(
            contract.id,
            version.version,
            version.major,
            contract.domain,
            change.sunsetAt(),
            change.successor(),
            change.reason(),
            pinning.stream()
                .map(
                    a ->
                        new ContractMajorDeprecated.Pinned(
                            a.id.toString(),
                            a.accessRequest == null ? null : a.accessRequest.toString(),
                            a.consumer,
                            a.consumerDomain))
                .toList(),
            by,
            now));
  }
}
