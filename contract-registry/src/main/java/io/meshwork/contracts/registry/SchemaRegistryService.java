package io.meshwork.contracts.registry;

import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.contracts.SchemaRegistered;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The schema registry's rules: identity by content, versions per subject, compatibility. */
@ApplicationScoped
public class SchemaRegistryService {

  private static final Pattern SUBJECT = Pattern.compile("^[^\\p{Cntrl}]{1,255}$");

  private final EntityManager entityManager;
  private final SchemaCache cache;
  private final SubjectAccess access;
  private final Outbox outbox;

  public SchemaRegistryService(
      EntityManager entityManager, SchemaCache cache, SubjectAccess access, Outbox outbox) {
    this.entityManager = entityManager;
    this.cache = cache;
    this.access = access;
    this.outbox = outbox;
  }

  public record Registered(int id, int version, boolean created) {}

  public record Found(String subject, int version, SchemaContent content) {}

  // ---------------------------------------------------------------- register and check

  @Transactional
  public Registered register(
      String subjectName, RegisterSchemaRequest request, Caller caller, Optional<String> domain) {
    requireValidSubject(subjectName);
    ParsedSchema parsed = parse(request);
    Subject subject = lockOrCreate(subjectName, caller, domain);
    String fingerprint = fingerprint(parsed);
    Optional<SchemaContent> existing =
        SchemaContent.<SchemaContent>find("fingerprint", fingerprint).firstResultOptional();
    List<SubjectVersion> versions = versionsOf(subject.name, true);
    if (existing.isPresent()) {
      for (SubjectVersion version : versions) {
        if (!version.deleted && version.schemaId.equals(existing.get().id)) {
          return new Registered(existing.get().id, version.version, false);
        }
      }
    }
    CompatibilityLevel level = levelOf(subject);
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
      String subjectName, VersionId versionId, RegisterSchemaRequest request) {
    ParsedSchema parsed = parse(request);
    Optional<Subject> subject = Subject.findByIdOptional(subjectName);
    if (subject.isEmpty()) {
      if (versionId.isLatest()) {
        return List.of();
      }
      throw RegistryException.subjectNotFound(subjectName);
    }
    List<SubjectVersion> live = versionsOf(subjectName, false);
    if (live.isEmpty() && versionId.isLatest()) {
      return List.of();
    }
    SubjectVersion against = resolve(subjectName, live, versionId);
    CompatibilityLevel level = levelOf(subject.get());
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
      ParsedSchema previous = parsedById(version.schemaId);
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

  // ---------------------------------------------------------------- reads

  public Found lookup(String subjectName, RegisterSchemaRequest request, boolean deleted) {
    ParsedSchema parsed = parse(request);
    if (Subject.findByIdOptional(subjectName).isEmpty()
        || versionsOf(subjectName, deleted).isEmpty()) {
      throw RegistryException.subjectNotFound(subjectName);
    }
    String fingerprint = fingerprint(parsed);
    Optional<SchemaContent> content =
        SchemaContent.<SchemaContent>find("fingerprint", fingerprint).firstResultOptional();
    if (content.isPresent()) {
      for (SubjectVersion version : versionsOf(subjectName, deleted)) {
        if (version.schemaId.equals(content.get().id)) {
          return new Found(subjectName, version.version, content.get());
        }
      }
    }
    throw RegistryException.schemaNotFound("Schema not found");
  }

  public Found version(String subjectName, VersionId versionId, boolean deleted) {
    List<SubjectVersion> versions = versionsOf(subjectName, true);
    if (versions.isEmpty() || (!deleted && versions.stream().allMatch(v -> v.deleted))) {
      throw RegistryException.subjectNotFound(subjectName);
    }
    List<SubjectVersion> visible =
        deleted ? versions : versions.stream().filter(v -> !v.deleted).toList();
    SubjectVersion version = resolve(subjectName, visible, versionId);
    return new Found(subjectName, version.version, SchemaContent.findById(version.schemaId));
  }

  public List<Integer> versions(String subjectName, boolean deleted) {
    List<Integer> versions = versionsOf(subjectName, deleted).stream().map(v -> v.version).toList();
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subjectName);
    }
    return versions;
  }

  public List<String> subjects(boolean deleted, String prefix) {
    String query =
        "select distinct v.subject from SubjectVersion v where "
            + (deleted ? "1 = 1" : "v.deleted = false")
            + " and v.subject like :prefix escape '!' order by v.subject";
    return entityManager
        .createQuery(query, String.class)
        .setParameter("prefix", likePrefix(prefix))
        .getResultList();
  }

  /** Contents by id are immutable; cached until a hard delete removes an id's last version. */
  public Optional<SchemaContent> schemaById(int id) {
    SchemaContent cached = cache.content(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    SchemaContent content = SchemaContent.findById(id);
    if (content == null || SubjectVersion.count("schemaId", id) == 0) {
      return Optional.empty();
    }
    cache.remember(content);
    return Optional.of(content);
  }

  public List<SubjectVersion> usages(int id, boolean deleted) {
    if (schemaById(id).isEmpty()) {
      throw RegistryException.schemaNotFound("Schema " + id + " not found");
    }
    return SubjectVersion.<SubjectVersion>list(
        deleted
            ? "schemaId = ?1 order by subject, version"
            : "schemaId = ?1 and deleted = false order by subject, version",
        id);
  }

  public List<Integer> referencedBy(String subjectName, VersionId versionId) {
    Found found = version(subjectName, versionId, true);
    return referencingIds(subjectName, found.version());
  }

  public ParsedSchema parsedById(int id) {
    SchemaContent content = SchemaContent.findById(id);
    if (content == null) {
      throw RegistryException.schemaNotFound("Schema " + id + " not found");
    }
    return cache.of(content, this::resolveReferences);
  }

  // ---------------------------------------------------------------- deletes

  @Transactional
  public List<Integer> deleteSubject(String subjectName, boolean permanent, Caller caller) {
    Subject subject = lockExisting(subjectName);
    access.requireMayChange(subject, caller);
    List<SubjectVersion> versions = versionsOf(subjectName, true);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subjectName);
    }
    boolean anyLive = versions.stream().anyMatch(v -> !v.deleted);
    if (permanent && anyLive) {
      throw RegistryException.subjectNotSoftDeleted(subjectName);
    }
    if (!permanent && !anyLive) {
      throw RegistryException.subjectSoftDeleted(subjectName);
    }
    for (SubjectVersion version : versions) {
      requireNotReferenced(subjectName, version.version);
    }
    List<Integer> deleted = new ArrayList<>();
    if (permanent) {
      for (SubjectVersion version : versions) {
        deleted.add(version.version);
        version.delete();
      }
      entityManager.flush();
      versions.forEach(v -> forgetIfUnused(v.schemaId));
      subject.delete();
    } else {
      for (SubjectVersion version : versions) {
        if (!version.deleted) {
          version.deleted = true;
          deleted.add(version.version);
        }
      }
      subject.compatibility = null;
    }
    return deleted;
  }

  @Transactional
  public int deleteVersion(
      String subjectName, VersionId versionId, boolean permanent, Caller caller) {
    Subject subject = lockExisting(subjectName);
    access.requireMayChange(subject, caller);
    List<SubjectVersion> versions = versionsOf(subjectName, true);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subjectName);
    }
    SubjectVersion version =
        versionId.isLatest()
            ? resolve(subjectName, versions.stream().filter(v -> !v.deleted).toList(), versionId)
            : resolve(subjectName, versions, versionId);
    if (permanent && !version.deleted) {
      throw RegistryException.versionNotSoftDeleted(subjectName, version.version);
    }
    if (!permanent && version.deleted) {
      throw RegistryException.versionSoftDeleted(subjectName, version.version);
    }
    requireNotReferenced(subjectName, version.version);
    if (permanent) {
      int schemaId = version.schemaId;
      version.delete();
      entityManager.flush();
      forgetIfUnused(schemaId);
    } else {
      version.deleted = true;
      if (versions.stream().noneMatch(v -> !v.deleted)) {
        subject.compatibility = null;
      }
    }
    return version.version;
  }

  // ---------------------------------------------------------------- config

  public CompatibilityLevel globalLevel() {
    return CompatibilityLevel.parse(
        entityManager
            .createNativeQuery("SELECT compatibility FROM registry_config WHERE id = 1")
            .getSingleResult()
            .toString());
  }

  @Transactional
  public CompatibilityLevel setGlobalLevel(CompatibilityLevel level, Caller caller) {
    access.requirePlatformAdmin(caller, "change the registry-wide compatibility");
    CompatibilityLevel previous = globalLevel();
    entityManager
        .createNativeQuery("UPDATE registry_config SET compatibility = ?1 WHERE id = 1")
        .setParameter(1, level.name())
        .executeUpdate();
    return previous;
  }

  public Optional<CompatibilityLevel> subjectLevel(String subjectName) {
    return Subject.<Subject>findByIdOptional(subjectName)
        .map(s -> s.compatibility)
        .map(CompatibilityLevel::parse);
  }

  @Transactional
  public void setSubjectLevel(
      String subjectName, CompatibilityLevel level, Caller caller, Optional<String> domain) {
    requireValidSubject(subjectName);
    Subject subject = lockOrCreate(subjectName, caller, domain);
    subject.compatibility = level.name();
  }

  @Transactional
  public CompatibilityLevel deleteSubjectLevel(String subjectName, Caller caller) {
    Subject subject =
        Subject.<Subject>findByIdOptional(subjectName, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> RegistryException.subjectNotFound(subjectName));
    access.requireMayChange(subject, caller);
    if (subject.compatibility == null) {
      throw RegistryException.subjectNotFound(subjectName);
    }
    CompatibilityLevel previous = CompatibilityLevel.parse(subject.compatibility);
    subject.compatibility = null;
    return previous;
  }

  // ---------------------------------------------------------------- helpers

  private ParsedSchema parse(RegisterSchemaRequest request) {
    if (request == null) {
      throw RegistryException.invalidSchema("Invalid schema: the request has no body");
    }
    SchemaType type = SchemaType.parse(request.schemaType());
    List<SchemaReference> references = request.referencesOrEmpty();
    return cache.parse(type, request.schema(), references, resolveReferences(references));
  }

  private List<ParsedSchema> resolveReferences(List<SchemaReference> references) {
    List<ParsedSchema> resolved = new ArrayList<>();
    for (SchemaReference reference : references) {
      if (reference.subject() == null || reference.version() == null) {
        throw RegistryException.invalidSchema(
            "Invalid schema: reference '" + reference.name() + "' needs a subject and a version");
      }
      SubjectVersion version =
          SubjectVersion.findById(new SubjectVersion.Key(reference.subject(), reference.version()));
      if (version == null) {
        throw RegistryException.invalidSchema(
            "Invalid schema: reference '"
                + reference.name()
                + "' points at subject '"
                + reference.subject()
                + "' version "
                + reference.version()
                + ", which does not exist");
      }
      resolved.add(parsedById(version.schemaId));
    }
    return resolved;
  }

  private Subject lockOrCreate(String subjectName, Caller caller, Optional<String> domain) {
    Optional<Subject> existing =
        Subject.findByIdOptional(subjectName, LockModeType.PESSIMISTIC_WRITE);
    if (existing.isPresent()) {
      access.requireMayChange(existing.get(), caller);
      return existing.get();
    }
    String owner = access.domainForNewSubject(subjectName, domain, caller);
    entityManager
        .createNativeQuery(
            "INSERT INTO subject (name, domain, created_at) VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING")
        .setParameter(1, subjectName)
        .setParameter(2, owner)
        .executeUpdate();
    Subject subject = Subject.findById(subjectName, LockModeType.PESSIMISTIC_WRITE);
    access.requireMayChange(subject, caller);
    return subject;
  }

  private Subject lockExisting(String subjectName) {
    return Subject.<Subject>findByIdOptional(subjectName, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> RegistryException.subjectNotFound(subjectName));
  }

  private CompatibilityLevel levelOf(Subject subject) {
    return subject.compatibility == null
        ? globalLevel()
        : CompatibilityLevel.parse(subject.compatibility);
  }

  private List<SubjectVersion> versionsOf(String subject, boolean includeDeleted) {
    return SubjectVersion.list(
        includeDeleted
            ? "subject = ?1 order by version"
            : "subject = ?1 and deleted = false order by version",
        subject);
  }

  private static SubjectVersion resolve(
      String subject, List<SubjectVersion> candidates, VersionId id) {
    if (id.isLatest()) {
      return candidates.stream()
          .max(Comparator.comparing((SubjectVersion v) -> v.version))
          .orElseThrow(() -> RegistryException.subjectNotFound(subject));
    }
    return candidates.stream()
        .filter(v -> v.version == id.number())
        .findFirst()
        .orElseThrow(() -> RegistryException.versionNotFound(id.number()));
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

  private void requireNotReferenced(String subject, int version) {
    List<Integer> referencing = referencingIds(subject, version);
    if (!referencing.isEmpty()) {
      throw RegistryException.referenceExists(
          "One or more references exist to the schema {subject="
              + subject
              + ",version="
              + version
              + "}: schema ids "
              + referencing);
    }
  }

  private List<Integer> referencingIds(String subject, int version) {
    List<SchemaContent> candidates =
        SchemaContent.list("referencesJson like ?1", "%" + subject.replace("%", "") + "%");
    List<Integer> ids = new ArrayList<>();
    for (SchemaContent content : candidates) {
      boolean refers =
          SchemaCache.readReferences(content.referencesJson).stream()
              .anyMatch(
                  r ->
                      subject.equals(r.subject()) && r.version() != null && r.version() == version);
      if (refers && SubjectVersion.count("schemaId = ?1 and deleted = false", content.id) > 0) {
        ids.add(content.id);
      }
    }
    ids.sort(Integer::compareTo);
    return ids;
  }

  private void forgetIfUnused(int schemaId) {
    if (SubjectVersion.count("schemaId", schemaId) == 0) {
      cache.forget(schemaId);
    }
  }

  private static void requireValidSubject(String subject) {
    if (subject == null || !SUBJECT.matcher(subject).matches()) {
      throw RegistryException.invalidSubject(
          "Invalid subject: 1 to 255 characters, no control characters");
    }
  }

  private static String likePrefix(String prefix) {
    String value = prefix == null ? "" : prefix;
    return value.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  static String fingerprint(ParsedSchema schema) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(schema.type().name().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(schema.canonical().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(
          SchemaCache.writeReferences(schema.references()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
