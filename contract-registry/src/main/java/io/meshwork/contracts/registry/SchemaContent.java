package io.meshwork.contracts.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered schema text under its global id. Immutable once written. */
@Entity
@Table(name = "schema_content")
public class SchemaContent extends PanacheEntityBase {

  @Id public Integer id;

  @Column(name = "schema_type")
  public String schemaType;

  public String canonical;

  @Column(name = "references_json")
  public String referencesJson;

  public String fingerprint;

  @Column(name = "created_at")
  public Instant createdAt;
}
