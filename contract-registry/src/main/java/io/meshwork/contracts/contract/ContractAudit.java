package io.meshwork.contracts.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who did what to a contract, and when: versions created, status moves, agreements. */
@Entity
@Table(name = "contract_audit")
public class ContractAudit extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "contract_id")
  public String contractId;

  public String version;

  public String action;

  @Column(name = "from_status")
  public String fromStatus;

  @Column(name = "to_status")
  public String toStatus;

  public String actor;

  public String reason;

  public Instant at;
}
