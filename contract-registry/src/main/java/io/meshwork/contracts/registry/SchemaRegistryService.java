package io.meshwork.contracts.registry;

import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.contracts.SchemaRegistered;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Registering schemas: identity by content, versions numbered per subject, and the compatibility
 * rule checked against earlier versions before a new one is accepted.
 */
@ApplicationScoped
public class SchemaRegistryService {

  private final EntityManager entityManager;
  private final SchemaResolver resolver;
  private final SubjectRepository subjects;
  private final CompatibilityConfigService levels;
  private final Outbox outbox;

  public SchemaRegistryService(
      EntityManager entityManager,
      SchemaResolver resolver,
      SubjectRepository subjects,
      CompatibilityConfigService levels,
      Outbox outbox) {
    this.entityManager = entityManager;
    this.resolver = resolver;
    this.subjects = subjects;
    this.levels = levels;
    this.outbox = outbox;
  }

  public record Registered(int id, int version, boolean created) {}

  @Transactional
  public Registered register(
      String subjectName,
      RegisterSchemaRequest request,
      boolean normalize,
      Caller caller,
      Optional<String> domain) {
    SubjectRepository.requireValidSubject(subjectName);
    ParsedSchema parsed = resolver.parse(request, normalize);
    Subject subject = subjects.lockOrCreate(subjectName, caller, domain);
    String fingerprint = SchemaResolver.fingerprint(parsed);
    Optional<SchemaContent> existing =
        SchemaContent.<SchemaContent>find("fingerprint", fingerprint).firstResultOptional();
    List<SubjectVersion> versions = subjects.versionsOf(subject.name, true);
    if (existing.isPresent()) {
      for (SubjectVersion version : versions) {
        if (!version.deleted && version.schemaId.equals(existing.get().id)) {
          return new Registered(existing.get().id, version.version, false);
        }
      }
    }
    CompatibilityLevel level = levels.levelOf(subject);
    List<SubjectVersion> live = versions.stream().filter(v -> !v.deleted).toList();
    Incompatibility incompatibility = check(parsed, live, level);
    if (incompatibility != null) {
      throw new RegistryException(
          409,
          409,
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject.name
              + "\", details: "
              + incompatibility.render(level));
    }
    SchemaContent content = existing.orElseGet(() -> store(parsed, fingerprint));
    int next = versions.stream().mapToInt(v -> v.version).max().orElse(0) + 1;
    SubjectVersion version = new SubjectVersion();
    version.subject = subject.name;
    version.version = next;
    version.schemaId = content.id;
    version.deleted = false;
    version.createdBy = caller.name();
    version.createdAt = Instant.now();
    version.persist();
    outbox.publish(
        ContractEvents.SCHEMA_REGISTERED,
        subject.name,
        subject.name + "/versions/" + next,
        new SchemaRegistered(
            subject.name,
            next,
            content.id,
            parsed.type().name(),
            subject.domain,
            caller.name(),
            version.createdAt));
    return new Registered(content.id, next, true);
  }

  /** Checks {@code request} against one version (or, with latest, the subject's rule). */
  public List<String> compatibility(
      String subjectName, VersionId versionId, RegisterSchemaRequest request, boolean normalize) {
    ParsedSchema parsed = resolver.parse(request, normalize);
    Optional<Subject> subject = Subject.findByIdOptional(subjectName);
    if (subject.isEmpty()) {
      if (versionId.isLatest()) {
        return List.of();
      }
      throw RegistryException.subjectNotFound(subjectName);
    }
    List<SubjectVersion> live = subjects.versionsOf(subjectName, false);
    if (live.isEmpty() && versionId.isLatest()) {
      return List.of();
    }
    SubjectVersion against = SubjectRepository.resolve(subjectName, live, versionId);
    CompatibilityLevel level = levels.levelOf(subject.get());
    CompatibilityLevel single =
        switch (level) {
          case BACKWARD_TRANSITIVE -> CompatibilityLevel.BACKWARD;
          case FORWARD_TRANSITIVE -> CompatibilityLevel.FORWARD;
          case FULL_TRANSITIVE -> CompatibilityLevel.FULL;
          default -> level;
        };
    Incompatibility incompatibility = check(parsed, List.of(against), single);
    return incompatibility == null ? List.of() : incompatibility.messages(single);
  }

  private Incompatibility check(
      ParsedSchema candidate, List<SubjectVersion> live, CompatibilityLevel level) {
    if (level == CompatibilityLevel.NONE || live.isEmpty()) {
      return null;
    }
    List<SubjectVersion> newestFirst = new ArrayList<>(live);
    newestFirst.sort(Comparator.comparing((SubjectVersion v) -> v.version).reversed());
    List<SubjectVersion> against = level.transitive() ? newestFirst : newestFirst.subList(0, 1);
    for (SubjectVersion version : against) {
      ParsedSchema previous = resolver.parsedById(version.schemaId);
      List<CompatibilityIssue> issues = new ArrayList<>();
      if (level.checksBackward()) {
        issues.addAll(candidate.readIssues(previous));
      }
      if (level.checksForward()) {
        issues.addAll(previous.readIssues(candidate));
      }
      if (!issues.isEmpty()) {
        return new Incompatibility(issues, version.version);
      }
    }
    return null;
  }

  /** The refusal, in Confluent's message shape plus path, old/new fragments and a fix. */
  record Incompatibility(List<CompatibilityIssue> issues, int oldVersion) {
    List<String> messages(CompatibilityLevel level) {
      List<String> messages = new ArrayList<>();
      issues.forEach(issue -> messages.add(issue.render()));
      messages.add("{oldSchemaVersion: " + oldVersion + "}");
      messages.add("{compatibility: '" + level.name() + "'}");
      return messages;
    }

    String render(CompatibilityLevel level) {
      return "[" + String.join(", ", messages(level)) + "]";
    }
  }

  private SchemaContent store(ParsedSchema parsed, String fingerprint) {
    int id =
        ((Number)
                entityManager
                    .createNativeQuery("SELECT nextval('schema_id_seq')")
                    .getSingleResult())
            .intValue();
    SchemaContent content = new SchemaContent();
    content.id = id;
    content.schemaType = parsed.type().name();
    content.canonical = parsed.canonical();
    content.referencesJson = SchemaCache.writeReferences(parsed.references());
    content.fingerprint = fingerprint;
    content.createdAt = Instant.now();
    content.persist();
    return content;
  }
}
