package io.meshwork.governance.product;

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
 * A dataset provisioning-service made (an output port of products): its state and its real
 * resources ({@code [{kind, name, uri, status}]}) as its events said.
 */
@Entity
@Table(name = "dataset")
public class ProvisionedDataset extends PanacheEntityBase {

  @EmbeddedId public Key key;

  public String state;

  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode resources;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Embeddable
  public record Key(String domain, String name) implements Serializable {}
}
