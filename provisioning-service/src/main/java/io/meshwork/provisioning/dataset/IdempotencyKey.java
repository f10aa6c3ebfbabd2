package io.meshwork.provisioning.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An Idempotency-Key a caller used, the request it came with, and the dataset it answered with. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey extends PanacheEntityBase {

  @Id public String caller;

  @Id public String key;

  @Column(name = "request_hash")
  public String requestHash;

  @Column(name = "dataset_id")
  public UUID datasetId;

  @Column(name = "created_at")
  public Instant createdAt;

  /** Composite key. */
  public static class Key implements Serializable {
    public String caller;
    public String key;

    public Key() {}

    public Key(String caller, String key) {
      this.caller = caller;
      this.key = key;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key other2
          && Objects.equals(caller, other2.caller)
          && Objects.equals(key, other2.key);
    }

    @Override
    public int hashCode() {
      return Objects.hash(caller, key);
    }
  }
}
