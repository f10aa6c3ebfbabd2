package io.meshwork.contracts.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** The registry's reads: subjects, their versions, schemas by content and by id. */
@ApplicationScoped
public class SchemaLookupService {

  private final EntityManager entityManager;
  private final SchemaCache cache;
  private final SchemaResolver resolver;
  private final SubjectRepository subjects;

  public SchemaLookupService(
      EntityManager entityManager,
      SchemaCache cache,
      SchemaResolver resolver,
      SubjectRepository subjects) {
    this.entityManager = entityManager;
    this.cache = cache;
    this.resolver = resolver;
    this.subjects = subjects;
  }

  public record Found(String subject, int version, SchemaContent content) {}

  public Found lookup(
      String subjectName, RegisterSchemaRequest request, boolean deleted, boolean normalize) {
    ParsedSchema parsed = resolver.parse(request, normalize);
    if (Subject.findByIdOptional(subjectName).isEmpty()
        || subjects.versionsOf(subjectName, deleted).isEmpty()) {
      throw RegistryException.subjectNotFound(subjectName);
    }
    String fingerprint = SchemaResolver.fingerprint(parsed);
    Optional<SchemaContent> content =
        SchemaContent.<SchemaContent>find("fingerprint", fingerprint).firstResultOptional();
    if (content.isPresent()) {
      for (SubjectVersion version : subjects.versionsOf(subjectName, deleted)) {
        if (version.schemaId.equals(content.get().id)) {
          return new Found(subjectName, version.version, content.get());
        }
      }
    }
    throw RegistryException.schemaNotFound("Schema not found");
  }

  public Found version(String subjectName, VersionId versionId, boolean deleted) {
    List<SubjectVersion> versions = subjects.versionsOf(subjectName, true);
    if (versions.isEmpty() || (!deleted && versions.stream().allMatch(v -> v.deleted))) {
      throw RegistryException.subjectNotFound(subjectName);
    }
    List<SubjectVersion> visible =
        deleted ? versions : versions.stream().filter(v -> !v.deleted).toList();
    SubjectVersion version = SubjectRepository.resolve(subjectName, visible, versionId);
    return new Found(subjectName, version.version, SchemaContent.findById(version.schemaId));
  }

  public List<Integer> versions(String subjectName, boolean deleted) {
    List<Integer> versions =
        subjects.versionsOf(subjectName, deleted).stream().map(v -> v.version).toList();
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
    return subjects.referencingIds(subjectName, found.version());
  }

  private static String likePrefix(String prefix) {
    String value = prefix == null ? "" : prefix;
    return value.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
