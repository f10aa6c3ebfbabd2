package io.meshwork.contracts.observability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One run of a suite with every check's result; its row count is the next runs' baseline. */
@Entity
@Table(name = "quality_run")
public class QualityRun extends PanacheEntityBase {

  public static final String SCHEDULED = "scheduled";
  public static final String ON_DEMAND = "on-demand";

  @Id public UUID id;

  public String suite;

  public String dataset;

  public String domain;

  /** {@link #SCHEDULED} or {@link #ON_DEMAND}. */
  public String trigger;

  /** passed, warning or failed. */
  public String outcome;

  @Column(name = "row_count")
  public Long rowCount;

  @Column(name = "freshness_seconds")
  public Double freshnessSeconds;

  /** JSON list of the checks' results. */
  @JdbcTypeCode(SqlTypes.JSON)
  public String results;

  @Column(name = "started_by")
  public String startedBy;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;
}
