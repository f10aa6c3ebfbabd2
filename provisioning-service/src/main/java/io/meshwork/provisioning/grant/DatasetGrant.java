package io.meshwork.provisioning.grant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A grant made on one dataset's real storage for an access agreement. */
@Entity
@Table(name = "dataset_grant")
public class DatasetGrant extends PanacheEntityBase {

  public static final String APPLIED = "APPLIED";
  public static final String REVOKED = "REVOKED";
  public static final String FAILED = "FAILED";

  /** Written down (the S3 policy document) but not enforced by the storage itself. */
  public static final String DOCUMENTED = "DOCUMENTED";

  @Id public UUID id;

  @Column(name = "request_id")
  public UUID requestId;

  public String principal;

  /** {@code domain/name}. */
  public String dataset;

  public String kind;

  public String resource;

  public String privileges;

  public String outcome;

  public String detail;

  @Column(name = "applied_at")
  public Instant appliedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;
}
