package io.meshwork.contracts.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A subject and the data domain it belongs to; {@code compatibility} null means "use global". */
@Entity
@Table(name = "subject")
public class Subject extends PanacheEntityBase {

  @Id public String name;

  public String domain;

  public String compatibility;

  @Column(name = "created_at")
  public Instant createdAt;
}
