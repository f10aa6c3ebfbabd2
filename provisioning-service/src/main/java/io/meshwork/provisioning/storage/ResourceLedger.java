package io.meshwork.provisioning.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of resources per dataset, each change committed on its own so that it survives a crash
 * of the work it belongs to.
 */
@ApplicationScoped
public class ResourceLedger {

  private final EntityManager entityManager;

  public ResourceLedger(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * The ledger's answer to an intent: the resource's status, and whether an earlier attempt had
   * already noted it (then an existing resource by that name is ours, created before a crash).
   */
  public record Intent(Planned resource, ResourceStatus status, boolean notedEarlier) {}

  /** A resource a dataset is about to create. */
  public record Planned(ResourceKind kind, String name, String uri) {}

  /** Intents noted with the dataset's request itself: nothing was noted before them. */
  public static List<Intent> fresh(List<Planned> planned) {
    return planned.stream().map(p -> new Intent(p, ResourceStatus.PENDING, false)).toList();
  }

  /** The intent for a resource of this kind. */
  public static Intent intentOf(List<Intent> intents, ResourceKind kind) {
    return intents.stream()
        .filter(i -> i.resource().kind() == kind)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + kind + " was planned"));
  }

  /** Notes the intent to create several resources, in one transaction; answers in order. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Intent> intend(UUID dataset, List<Planned> planned) {
    return planned.stream().map(p -> noteIntent(dataset, p)).toList();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void mark(UUID dataset, ResourceKind kind, String name, ResourceStatus status) {
    update(dataset, kind, name, status);
  }

  /** Marks several resources in one transaction. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void mark(UUID dataset, List<Planned> resources, ResourceStatus status) {
    resources.forEach(r -> update(dataset, r.kind(), r.name(), status));
  }

  /** Drops several noted intents in one transaction. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void forget(UUID dataset, List<Planned> resources) {
    resources.forEach(
        r ->
            ProvisionedResource.delete(
                "datasetId = ?1 and kind = ?2 and name = ?3", dataset, r.kind(), r.name()));
  }

  private Intent noteIntent(UUID dataset, Planned planned) {
    Instant now = Instant.now();
    int inserted =
        entityManager
            .createNativeQuery(
                "INSERT INTO dataset_resource (id, dataset_id, kind, name, uri, status, details, created_at, updated_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING', ?6, ?7, ?7)"
                    + " ON CONFLICT (dataset_id, kind, name) DO NOTHING")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, dataset)
            .setParameter(3, planned.kind().name())
            .setParameter(4, planned.name())
            .setParameter(5, planned.uri())
            .setParameter(6, "{}")
            .setParameter(7, now)
            .executeUpdate();
    if (inserted == 1) {
      return new Intent(planned, ResourceStatus.PENDING, false);
    }
    return new Intent(
        planned,
        find(dataset, planned.kind(), planned.name())
            .map(r -> r.status)
            .orElse(ResourceStatus.PENDING),
        true);
  }

  private void update(UUID dataset, ResourceKind kind, String name, ResourceStatus status) {
    ProvisionedResource.update(
        "status = ?1, updatedAt = ?2 where datasetId = ?3 and kind = ?4 and name = ?5",
        status,
        Instant.now(),
        dataset,
        kind,
        name);
  }

  /** Whether this dataset may remove the resource: it noted or created it, and still has it. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean owns(UUID dataset, ResourceKind kind, String name) {
    return find(dataset, kind, name)
        .map(r -> r.status == ResourceStatus.PENDING || r.status == ResourceStatus.CREATED)
        .orElse(false);
  }

  @Transactional
  public List<ProvisionedResource> of(UUID dataset) {
    return ProvisionedResource.list("datasetId = ?1 order by createdAt, kind", dataset);
  }

  private Optional<ProvisionedResource> find(UUID dataset, ResourceKind kind, String name) {
    return ProvisionedResource.find(
            "datasetId = ?1 and kind = ?2 and name = ?3", dataset, kind, name)
        .firstResultOptional();
  }
}
