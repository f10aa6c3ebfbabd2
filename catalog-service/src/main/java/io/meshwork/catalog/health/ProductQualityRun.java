package io.meshwork.catalog.health;

import io.meshwork.events.contracts.QualityRunCompleted.FailedCheck;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The latest quality run of one dataset ({@code domain/name}) behind a product's output port. */
@Entity
@Table(name = "product_quality_run")
public class ProductQualityRun extends PanacheEntityBase {

  @EmbeddedId public Key key;

  @Column(name = "run_id")
  public UUID runId;

  /** passed, warning or failed. */
  public String outcome;

  @Column(name = "freshness_seconds")
  public Double freshnessSeconds;

  /** The checks that warned or failed, as contract-registry reported them. */
  @JdbcTypeCode(SqlTypes.JSON)
  public List<FailedCheck> failures;

  @Column(name = "finished_at")
  public Instant finishedAt;

  @Embeddable
  public record Key(String product, String dataset) implements Serializable {}
}
