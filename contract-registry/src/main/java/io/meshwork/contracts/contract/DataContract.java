package io.meshwork.contracts.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A data contract: the agreement of one domain's data, across its versions. */
@Entity
@Table(name = "data_contract")
public class DataContract extends PanacheEntityBase {

  @Id public String id;

  public String domain;

  public String name;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;
}
