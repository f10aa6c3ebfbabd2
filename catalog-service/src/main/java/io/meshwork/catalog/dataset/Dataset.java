package io.meshwork.catalog.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A dataset as the catalog lists it; provisioning-service owns it, the catalog mirrors it. */
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
}
