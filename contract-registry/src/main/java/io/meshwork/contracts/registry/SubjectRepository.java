package io.meshwork.contracts.registry;

import io.meshwork.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Subjects and their versions as the registry's services read and lock them: a write locks its
 * subject row first, so concurrent registrations under one subject number their versions in turn.
 */
@ApplicationScoped
public class SubjectRepository {

  private static final Pattern SUBJECT = Pattern.compile("^[^\\p{Cntrl}]{1,255}$");

  private final EntityManager entityManager;
  private final SubjectAccess access;

  public SubjectRepository(EntityManager entityManager, SubjectAccess access) {
    this.entityManager = entityManager;
    this.access = access;
  }

  /** The subject, locked for this transaction; created (owned by a domain) when new. */
  Subject lockOrCreate(String subjectName, Caller caller, Optional<String> domain) {
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

  Subject lockExisting(String subjectName) {
    return Subject.<Subject>findByIdOptional(subjectName, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> RegistryException.subjectNotFound(subjectName));
  }

  List<SubjectVersion> versionsOf(String subject, boolean includeDeleted) {
    return SubjectVersion.list(
        includeDeleted
            ? "subject = ?1 order by version"
            : "subject = ?1 and deleted = false order by version",
        subject);
  }

  /** Ids of live schemas whose references point at {@code subject} version {@code version}. */
  List<Integer> referencingIds(String subject, int version) {
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

  static SubjectVersion resolve(String subject, List<SubjectVersion> candidates, VersionId id) {
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

  static void requireValidSubject(String subject) {
    if (subject == null || !SUBJECT.matcher(subject).matches()) {
      throw RegistryException.invalidSubject(
          "Invalid subject: 1 to 255 characters, no control characters");
    }
  }
}
