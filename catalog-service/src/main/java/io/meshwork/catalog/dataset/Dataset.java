package io.meshwork.catalog.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A dataset as the catalog lists it; provisioning-service owns it, the catalog mirrors its events.
 */
@Entity
@Table(name = "dataset")
public class Dataset {

  @Id public UUID id;

  public String domain;

  public String name;

  public String storage;

  @Column(name = "schema_urn")
  public String schemaUrn;

  public String state;

  @Column(name = "requested_by")
  public String requestedBy;

  @Column(name = "requested_at")
  public Instant requestedAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public String owner;

  public String classification;

  public String description;

  /** JSON list of tags. */
  public String tags;

  /** JSON list of the real resources ({kind, name, uri, status}). */
  public String resources;

  @Column(name = "last_error")
  public String lastError;

  /** JSON list of drift findings ({resource, problem}) from the last check that found any. */
  public String drift;

  @Column(name = "provisioned_at")
  public Instant provisionedAt;

  @Column(name = "deleted_at")
  public Instant deletedAt;
}
