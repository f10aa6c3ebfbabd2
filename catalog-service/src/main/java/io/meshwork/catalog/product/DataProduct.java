package io.meshwork.catalog.product;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A data product: its lifecycle status, its current (newest) and published versions, and what
 * discovery searches, copied from the current version's spec.
 */
@Entity
@Table(name = "data_product")
public class DataProduct extends PanacheEntityBase {

  @Id public String name;

  public String domain;

  public String owner;

  @Enumerated(EnumType.STRING)
  public ProductStatus status;

  @Column(name = "current_version")
  public String currentVersion;

  @Column(name = "published_version")
  public String publishedVersion;

  public String description;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> tags;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> columns;

  public String freshness;

  public String availability;

  public String latency;

  @Column(name = "sunset_at")
  public LocalDate sunsetAt;

  public String successor;

  @Column(name = "deprecation_reason")
  public String deprecationReason;

  /** Submissions so far: governance's review of the Nth submission is round N. */
  @Column(name = "review_round")
  public int reviewRound;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
