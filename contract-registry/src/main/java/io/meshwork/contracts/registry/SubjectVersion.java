package io.meshwork.contracts.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Version {@code version} of {@code subject} is schema {@code schemaId}; soft-deleted if flagged.
 */
@Entity
@Table(name = "subject_version")
@IdClass(SubjectVersion.Key.class)
public class SubjectVersion extends PanacheEntityBase {

  @Id public String subject;

  @Id public Integer version;

  @Column(name = "schema_id")
  public Integer schemaId;

  public boolean deleted;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  /** Composite key. */
  public static class Key implements Serializable {
    public String subject;
    public Integer version;

    public Key() {}

    public Key(String subject, Integer version) {
      this.subject = subject;
      this.version = version;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(subject, key.subject)
          && Objects.equals(version, key.version);
    }

    @Override
    public int hashCode() {
      return Objects.hash(subject, version);
    }
  }
}
