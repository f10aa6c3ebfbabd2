package io.meshwork.contracts.contract.testing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One run of a contract's quality rules against its dataset, with every rule's result. */
@Entity
@Table(name = "contract_test_run")
public class ContractTestRun extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "contract_id")
  public String contractId;

  public String version;

  public String server;

  /** passed, warning or failed. */
  public String outcome;

  /** JSON list of {@link CheckResult}. */
  public String results;

  @Column(name = "started_by")
  public String startedBy;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;
}
