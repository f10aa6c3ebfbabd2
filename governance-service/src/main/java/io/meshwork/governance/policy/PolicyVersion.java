package io.meshwork.governance.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One accepted version of a policy document, immutable: the HCL as written and its policies as read
 * ({@code [{name, enforcement, description, rules: [{id, kind, params}]}]}).
 */
@Entity
@Table(name = "policy_version")
public class PolicyVersion extends PanacheEntityBase {

  @EmbeddedId public Key key;

  public String hcl;

  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode policies;

  /** SHA-256 of the policies as read and the scope: the same policies again are no new version. */
  @Column(name = "content_hash")
  public String contentHash;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Embeddable
  public record Key(String document, int version) implements Serializable {}

  public int version() {
    return key.version();
  }
}
