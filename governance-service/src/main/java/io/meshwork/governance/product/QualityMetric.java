package io.meshwork.governance.product;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The newest reported share of non-null values of a product's field, and where it came from. */
@Entity
@Table(name = "quality_metric")
public class QualityMetric extends PanacheEntityBase {

  @EmbeddedId public Key key;

  @Column(name = "non_null")
  public double nonNull;

  @Column(name = "row_count")
  public long rows;

  public String source;

  @Column(name = "measured_at")
  public Instant measuredAt;

  @Embeddable
  public record Key(String product, String field) implements Serializable {}
}
