package io.meshwork.contracts.observability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Declared checks of one dataset, as a document (the seed's suite form), and when it runs next. */
@Entity
@Table(name = "quality_suite")
public class QualitySuite extends PanacheEntityBase {

  /** Declared through the API. */
  public static final String DECLARED = "suite";

  /** Derived from a published data product's spec (its freshness and constraints). */
  public static final String PRODUCT = "product";

  @Id public String name;

  /** {@code domain/name} of a provisioned dataset. */
  public String dataset;

  public String domain;

  /** {@link #DECLARED} or {@link #PRODUCT}. */
  public String origin;

  /** The suite as JSON, the form {@link SuiteReader} reads. */
  @JdbcTypeCode(SqlTypes.JSON)
  public String document;

  @Column(name = "schedule_seconds")
  public long scheduleSeconds;

  @Column(name = "next_run_at")
  public Instant nextRunAt;

  /** 1 when made, one more per change of the document. */
  public int revision;

  @Column(name = "updated_by")
  public String updatedBy;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
