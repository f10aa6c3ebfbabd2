package io.meshwork.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A data domain: a team's area of ownership; its products are written by its owners only. */
@Entity
@Table(name = "data_domain")
public class DataDomain extends PanacheEntityBase {

  @Id public String name;

  @Column(name = "owner_team")
  public String ownerTeam;

  public String description;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;
}
