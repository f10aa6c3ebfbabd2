package io.meshwork.governance.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named HCL policy document, global ({@code domain} null) or local to one domain. */
@Entity
@Table(name = "policy_document")
public class PolicyDocument extends PanacheEntityBase {

  @Id public String name;

  public String domain;

  @Column(name = "current_version")
  public int currentVersion;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public String scope() {
    return domain == null ? "global" : domain;
  }
}
