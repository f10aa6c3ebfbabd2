package io.meshwork.contracts.observability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A provisioned dataset as provisioning-service announced it: the real table or topic its checks
 * read. Suites name it as {@code domain/name}.
 */
@Entity
@Table(name = "monitored_dataset")
public class MonitoredDataset extends PanacheEntityBase {

  public static final String POSTGRES_TABLE = "POSTGRES_TABLE";
  public static final String KAFKA_TOPIC = "KAFKA_TOPIC";

  /** {@code domain/name}. */
  @Id public String id;

  public String domain;

  public String name;

  /** {@link #POSTGRES_TABLE} or {@link #KAFKA_TOPIC}. */
  public String kind;

  @Column(name = "database_name")
  public String database;

  @Column(name = "schema_name")
  public String schema;

  @Column(name = "table_name")
  public String table;

  public String topic;

  /** The registered schema the dataset was made from ({@code urn:schema:<subject>/v<n>}). */
  @Column(name = "schema_urn")
  public String schemaUrn;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public boolean isTable() {
    return POSTGRES_TABLE.equals(kind);
  }
}
