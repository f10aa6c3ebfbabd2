package io.meshwork.provisioning.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A dataset a domain team asked for, and where its provisioning stands. */
@Entity
@Table(name = "dataset")
public class Dataset {

  @Id public UUID id;

  public String domain;

  public String name;

  public String storage;

  @Column(name = "schema_urn")
  public String schemaUrn;

  @Enumerated(EnumType.STRING)
  public DatasetState state;

  @Column(name = "requested_by")
  public String requestedBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
