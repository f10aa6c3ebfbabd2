package io.meshwork.contracts.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.contracts.contract.diff.ContractChange;
import io.meshwork.contracts.contract.diff.ContractDiff;
import io.meshwork.contracts.contract.diff.Severity;
import io.meshwork.contracts.contract.document.ContractDocuments;
import io.meshwork.contracts.contract.document.ContractReader;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.contracts.ContractStatusChanged;
import io.meshwork.events.contracts.ContractVersionCreated;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.values.SemanticVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contract versions and their lifecycle: semver discipline, breaking changes, audit, events. */
@ApplicationScoped
public class ContractService {

  private final Outbox outbox;
  private final MajorDeprecation deprecation;

  public ContractService(Outbox outbox, MajorDeprecation deprecation) {
    this.outbox = outbox;
    this.deprecation = deprecation;
  }

  /** The stored version and what changed against the previous one. */
  public record Created(ContractVersion version, List<ContractChange> changes) {}

  @Transactional
  public Created create(ContractReader.Parsed parsed, String original, Caller caller) {
    String id = parsed.id();
    caller.requireMayChange(parsed.domain());
    if (!ContractLifecycle.CREATABLE.contains(parsed.status())) {
      throw InvalidRequestException.ofField(
          "contracts.contract.invalid-status",
          "status",
          "a new version starts as " + ContractLifecycle.CREATABLE + ", was " + parsed.status());
    }
    DataContract contract = DataContract.findById(id, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    if (contract == null) {
      contract = new DataContract();
      contract.id = id;
      contract.domain = parsed.domain();
      contract.name = parsed.odcs().path("name").asText(null);
      contract.createdBy = caller.name();
      contract.createdAt = now;
      contract.persist();
    } else if (!contract.domain.equals(parsed.domain())) {
      throw ContractProblems.domainMismatch(parsed.domain(), contract.domain);
    }
    SemanticVersion version = SemanticVersion.parse(parsed.version());
    if (ContractVersion.findById(new ContractVersion.Key(id, parsed.version())) != null) {
      throw ContractProblems.versionExists(id, parsed.version());
    }
    Optional<ContractVersion> previous = latest(id);
    List<ContractChange> changes = List.of();
    if (previous.isPresent()) {
      SemanticVersion before = SemanticVersion.parse(previous.get().version);
      if (version.compareTo(before) <= 0) {
        throw ContractProblems.versionNotIncreasing(parsed.version(), previous.get().version);
      }
      changes =
          ContractDiff.compare(
              ContractDocuments.readCanonical(previous.get().document), parsed.odcs());
      requireNotBreakingPinned(id, parsed.version(), previous.get().version, version, changes);
    }
    ContractVersion stored = new ContractVersion();
    stored.contractId = id;
    stored.version = parsed.version();
    stored.major = version.major();
    stored.minor = version.minor();
    stored.patch = version.patch();
    stored.status = parsed.status();
    stored.sourceFormat = parsed.format().name();
    stored.document = ContractDocuments.toJson(parsed.odcs());
    stored.original = original;
    stored.createdBy = caller.name();
    stored.createdAt = now;
    stored.persist();
    audit(id, stored.version, "CREATED", null, stored.status, caller.name(), null, now);
    long breakingCount = changes.stream().filter(c -> c.severity() == Severity.BREAKING).count();
    outbox.publish(
        ContractEvents.CONTRACT_VERSION_CREATED,
        id,
        id + "/" + stored.version,
        new ContractVersionCreated(
            id,
            stored.version,
            contract.domain,
            stored.status,
            stored.sourceFormat,
            (int) breakingCount,
            caller.name(),
            now));
    return new Created(stored, changes);
  }

  /**
   * A breaking change needs a new major, and a new major goes beside a pinned one only once that
   * one is deprecated with a sunset date, which told its consumers; until it retires their
   * agreements keep it.
   */
  private static void requireNotBreakingPinned(
      String id,
      String versionText,
      String previousText,
      SemanticVersion version,
      List<ContractChange> changes) {
    SemanticVersion before = SemanticVersion.parse(previousText);
    List<ContractChange> breaking =
        changes.stream().filter(c -> c.severity() == Severity.BREAKING).toList();
    if (breaking.isEmpty()) {
      return;
    }
    if (version.major() == before.major()) {
      throw ContractProblems.breakingWithoutMajor(versionText, previousText, breaking);
    }
    List<ConsumerAgreement> pinning = activeAgreements(id, before.major());
    boolean stillActive =
        ContractVersion.count(
                "contractId = ?1 and major = ?2 and status = 'active'", id, before.major())
            > 0;
    if (!pinning.isEmpty() && stillActive) {
      throw ContractProblems.pinnedByAgreements(id, before.major(), pinning, breaking);
    }
  }

  @Transactional
  public ContractVersion transition(
      String id, String versionText, ContractRequests.StatusChange change, Caller caller) {
    String to = change.status();
    String reason = change.reason();
    DataContract contract = contract(id);
    caller.requireMayChange(contract.domain);
    ContractVersion version =
        ContractVersion.<ContractVersion>findByIdOptional(
                new ContractVersion.Key(id, versionText), LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> ContractProblems.versionNotFound(id, versionText));
    String from = version.status;
    ContractLifecycle.requireAllowed(from, to);
    if (to.equals("retired")) {
      List<ConsumerAgreement> pinning = activeAgreements(id, version.major);
      boolean lastOfMajor =
          ContractVersion.count(
                  "contractId = ?1 and major = ?2 and status in ('active', 'deprecated') and version <> ?3",
                  id,
                  version.major,
                  version.version)
              == 0;
      if (!pinning.isEmpty() && lastOfMajor) {
        throw ContractProblems.retiringPinnedMajor(id, version.major, pinning);
      }
    }
    Instant now = Instant.now();
    if (to.equals("deprecated")) {
      deprecation.deprecated(contract, version, change, caller.name(), now);
    }
    version.status = to;
    ObjectNode document = ContractDocuments.readCanonical(version.document);
    document.put("status", to);
    version.document = ContractDocuments.toJson(document);
    audit(id, version.version, "STATUS_CHANGED", from, to, caller.name(), reason, now);
    outbox.publish(
        ContractEvents.CONTRACT_STATUS_CHANGED,
        id,
        id + "/" + version.version,
        new ContractStatusChanged(
            id, version.version, contract.domain, from, to, caller.name(), reason, now));
    return version;
  }

  public DataContract contract(String id) {
    return Optional.ofNullable(DataContract.<DataContract>findById(id))
        .orElseThrow(() -> ContractProblems.contractNotFound(id));
  }

  public ContractVersion version(String id, String version) {
    contract(id);
    if (version == null || version.equals("latest")) {
      return latest(id).orElseThrow(() -> ContractProblems.versionNotFound(id, "latest"));
    }
    return Optional.ofNullable(
            ContractVersion.<ContractVersion>findById(new ContractVersion.Key(id, version)))
        .orElseThrow(() -> ContractProblems.versionNotFound(id, version));
  }

  public List<ContractVersion> versions(String id) {
    contract(id);
    return ContractVersion.<ContractVersion>list("contractId", id).stream()
        .sorted(Comparator.comparing(v -> SemanticVersion.parse(v.version)))
        .toList();
  }

  public List<ContractChange> diff(String id, String from, String to) {
    ContractVersion before = version(id, from);
    ContractVersion after = version(id, to);
    return ContractDiff.compare(
        ContractDocuments.readCanonical(before.document),
        ContractDocuments.readCanonical(after.document));
  }

  public List<ContractAudit> audit(String id) {
    contract(id);
    return ContractAudit.list("contractId = ?1 order by at", id);
  }

  Optional<ContractVersion> latest(String id) {
    return ContractVersion.<ContractVersion>list("contractId", id).stream()
        .max(Comparator.comparing(v -> SemanticVersion.parse(v.version)));
  }

  static List<ConsumerAgreement> activeAgreements(String id, int major) {
    return ConsumerAgreement.list(
        "contractId = ?1 and major = ?2 and status = ?3", id, major, ConsumerAgreement.ACTIVE);
  }

  static void audit(
      String id,
      String version,
      String action,
      String from,
      String to,
      String actor,
      String reason,
      Instant at) {
    ContractAudit audit = new ContractAudit();
    audit.id = UUID.randomUUID();
    audit.contractId = id;
    audit.version = version;
    audit.action = action;
    audit.fromStatus = from;
    audit.toStatus = to;
    audit.actor = actor;
    audit.reason = reason;
    audit.at = at;
    audit.persist();
  }
}
