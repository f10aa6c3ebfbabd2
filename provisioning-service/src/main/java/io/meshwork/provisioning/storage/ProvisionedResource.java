package io.meshwork.provisioning.storage;

import io.meshwork.events.provisioning.ResourceRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A real resource created (or being created) for a dataset, by its real name and URI. */
@Entity
@Table(name = "dataset_resource")
public class ProvisionedResource extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "dataset_id")
  public UUID datasetId;

  @Enumerated(EnumType.STRING)
  public ResourceKind kind;

  public String name;

  public String uri;

  @Enumerated(EnumType.STRING)
  public ResourceStatus status;

  public String details;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  /** As events and the API name it. */
  public ResourceRef ref() {
    return new ResourceRef(kind.name(), name, uri, status.name());
  }
}
