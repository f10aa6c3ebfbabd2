package io.meshwork.contracts.registry;

import io.meshwork.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The compatibility levels: registry-wide (platform admins) and per subject (its domain). */
@ApplicationScoped
public class CompatibilityConfigService {

  private final EntityManager entityManager;
  private final SubjectRepository subjects;
  private final SubjectAccess access;

  public CompatibilityConfigService(
      EntityManager entityManager, SubjectRepository subjects, SubjectAccess access) {
    this.entityManager = entityManager;
    this.subjects = subjects;
    this.access = access;
  }

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
    SubjectRepository.requireValidSubject(subjectName);
    Subject subject = subjects.lockOrCreate(subjectName, caller, domain);
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

  /** The level that applies to {@code subject}: its own, or the registry-wide one. */
  CompatibilityLevel levelOf(Subject subject) {
    return subject.compatibility == null
        ? globalLevel()
        : CompatibilityLevel.parse(subject.compatibility);
  }
}
