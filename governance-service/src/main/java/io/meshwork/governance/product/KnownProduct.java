package io.meshwork.governance.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A data product as governance last heard of it from the catalog: its newest spec and status. */
@Entity
@Table(name = "product")
public class KnownProduct extends PanacheEntityBase {

  @Id public String name;

  public String domain;

  public String version;

  /** The catalog's lifecycle status (DRAFT, SUBMITTED, PUBLISHED, ...). */
  public String status;

  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode spec;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
