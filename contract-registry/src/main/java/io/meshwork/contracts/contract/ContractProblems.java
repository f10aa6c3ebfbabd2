package io.meshwork.contracts.contract;

import io.meshwork.contracts.contract.diff.ContractChange;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.Problem.Violation;
import io.meshwork.web.problem.ResourceNotFoundException;
import java.util.List;

/** The contract API's refusals, each with its stable code. */
final class ContractProblems {

  private ContractProblems() {}

  static ResourceNotFoundException contractNotFound(String id) {
    return new ResourceNotFoundException(
        "contracts.contract.not-found", "No contract '" + id + "'");
  }

  static ResourceNotFoundException versionNotFound(String id, String version) {
    return new ResourceNotFoundException(
        "contracts.contract.version-not-found", "Contract '" + id + "' has no version " + version);
  }

  static ConflictException versionExists(String id, String version) {
    return new ConflictException(
        "contracts.contract.version-exists",
        "Contract '" + id + "' already has version " + version + "; versions are immutable");
  }

  static InvalidRequestException versionNotIncreasing(String version, String latest) {
    return InvalidRequestException.ofField(
        "contracts.contract.version-not-increasing",
        "version",
        "must be greater than the latest version " + latest + ", was " + version);
  }

  static InvalidRequestException breakingWithoutMajor(
      String version, String previous, List<ContractChange> breaking) {
    return new InvalidRequestException(
        "contracts.contract.breaking-change-needs-major",
        breaking.size()
            + " breaking change(s) from "
            + previous
            + " need a new major version, but "
            + version
            + " keeps major "
            + previous.split("\\.")[0],
        violations(breaking));
  }

  static ConflictException pinnedByAgreements(
      String id, int major, List<ConsumerAgreement> agreements, List<ContractChange> breaking) {
    return new ConflictException(
        "contracts.contract.pinned-by-agreements",
        "Breaking change(s) to contract '"
            + id
            + "' refused: major version "
            + major
            + " is pinned by active consumer agreement(s) of "
            + agreements.stream().map(a -> a.consumer).distinct().toList()
            + "; deprecate major "
            + major
            + " with a sunsetAt first (its consumers are told), then publish the new major beside"
            + " it",
        violations(breaking));
  }

  static ConflictException retiringPinnedMajor(
      String id, int major, List<ConsumerAgreement> agreements) {
    return new ConflictException(
        "contracts.contract.pinned-by-agreements",
        "Contract '"
            + id
            + "' major version "
            + major
            + " is pinned by active consumer agreement(s) of "
            + agreements.stream().map(a -> a.consumer).distinct().toList());
  }

  static ConflictException illegalTransition(String from, String to, List<String> allowed) {
    return new ConflictException(
        "contracts.contract.illegal-transition",
        "A " + from + " contract version cannot become " + to + "; allowed: " + allowed);
  }

  static InvalidRequestException domainMismatch(String documentDomain, String contractDomain) {
    return InvalidRequestException.ofField(
        "contracts.contract.domain-mismatch",
        "domain",
        "the contract belongs to domain '" + contractDomain + "', not '" + documentDomain + "'");
  }

  private static List<Violation> violations(List<ContractChange> changes) {
    return changes.stream()
        .map(
            c ->
                new Violation(
                    c.path(),
                    c.kind()
                        + ": "
                        + c.message()
                        + (c.before() != null || c.after() != null
                            ? " (" + c.before() + " -> " + c.after() + ")"
                            : "")))
        .toList();
  }
}
