package io.meshwork.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A step of a product's lifecycle: who, when, from which status to which, and why. */
@Entity
@Table(name = "data_product_transition")
public class ProductTransition extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String product;

  public String version;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  public ProductStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status")
  public ProductStatus toStatus;

  public String actor;

  public String reason;

  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode details;

  public Instant at;
}
