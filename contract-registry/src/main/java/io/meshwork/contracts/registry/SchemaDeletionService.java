package io.meshwork.contracts.registry;

import io.meshwork.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Confluent's two-step deletes: soft first (the version stays readable with deleted=true), then
 * permanent; a version another schema references cannot go.
 */
@ApplicationScoped
public class SchemaDeletionService {

  private final EntityManager entityManager;
  private final SchemaCache cache;
  private final SubjectRepository subjects;
  private final SubjectAccess access;

  public SchemaDeletionService(
      EntityManager entityManager,
      SchemaCache cache,
      SubjectRepository subjects,
      SubjectAccess access) {
    this.entityManager = entityManager;
    this.cache = cache;
    this.subjects = subjects;
    this.access = access;
  }

  @Transactional
  public List<Integer> deleteSubject(String subjectName, boolean permanent, Caller caller) {
    Subject subject = subjects.lockExisting(subjectName);
    access.requireMayChange(subject, caller);
    List<SubjectVersion> versions = subjects.versionsOf(subjectName, true);
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
    Subject subject = subjects.lockExisting(subjectName);
    access.requireMayChange(subject, caller);
    List<SubjectVersion> versions = subjects.versionsOf(subjectName, true);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subjectName);
    }
    SubjectVersion version =
        versionId.isLatest()
            ? SubjectRepository.resolve(
                subjectName, versions.stream().filter(v -> !v.deleted).toList(), versionId)
            : SubjectRepository.resolve(subjectName, versions, versionId);
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

  private void requireNotReferenced(String subject, int version) {
    List<Integer> referencing = subjects.referencingIds(subject, version);
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

  private void forgetIfUnused(int schemaId) {
    if (SubjectVersion.count("schemaId", schemaId) == 0) {
      cache.forget(schemaId);
    }
  }
}
