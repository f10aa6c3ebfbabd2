package io.meshwork.contracts.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One version of a contract: its canonical ODCS document, the original text, its status. */
@Entity
@Table(name = "contract_version")
@IdClass(ContractVersion.Key.class)
public class ContractVersion extends PanacheEntityBase {

  @Id
  @Column(name = "contract_id")
  public String contractId;

  @Id public String version;

  public int major;

  public int minor;

  public int patch;

  public String status;

  @Column(name = "source_format")
  public String sourceFormat;

  /** Canonical ODCS tree as JSON. */
  public String document;

  /** The text as submitted. */
  public String original;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  /** Composite key. */
  public static class Key implements Serializable {
    public String contractId;
    public String version;

    public Key() {}

    public Key(String contractId, String version) {
      this.contractId = contractId;
      this.version = version;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(contractId, key.contractId)
          && Objects.equals(version, key.version);
    }

    @Override
    public int hashCode() {
      return Objects.hash(contractId, version);
    }
  }
}
