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

  /** Canonical storage URI (defaults filled in). */
  public String storage;

  @Column(name = "schema_urn")
  public String schemaUrn;

  @Enumerated(EnumType.STRING)
  public DatasetState state;

  @Column(name = "requested_by")
  public String requestedBy;

  /** The normalized request ({@link DatasetSpec} as JSON): what idempotency compares. */
  public String spec;

  /** The schema's fields as JSON, once resolved. */
  @Column(name = "resolved_schema")
  public String resolvedSchema;

  @Column(name = "last_error")
  public String lastError;

  public int attempts;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "provisioned_at")
  public Instant provisionedAt;

  @Column(name = "deleted_at")
  public Instant deletedAt;

  @Column(name = "retain_on_delete")
  public boolean retainOnDelete;

  /** The last drift check's findings as JSON ([] when none). */
  public String drift;

  @Column(name = "drift_checked_at")
  public Instant driftCheckedAt;
}
