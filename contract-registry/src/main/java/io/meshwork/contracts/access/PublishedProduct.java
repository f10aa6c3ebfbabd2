package io.meshwork.contracts.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A data product as catalog-service last announced it (published, deprecated, retired): what a
 * consumer may ask access to, who owns it, and its fields with their tags.
 */
@Entity
@Table(name = "published_product")
public class PublishedProduct extends PanacheEntityBase {

  public static final String PUBLISHED = "PUBLISHED";

  @Id public String name;

  public String domain;

  public String owner;

  public String version;

  public String status;

  public String classification;

  /** The longest access the product allows (product.maxAccess), if it says. */
  @Column(name = "max_access")
  public String maxAccess;

  @Column(name = "output_ports")
  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> outputPorts;

  /** Field names of the product's schema. */
  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> fields;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
