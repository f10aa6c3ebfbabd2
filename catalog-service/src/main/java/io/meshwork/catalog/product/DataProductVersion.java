package io.meshwork.catalog.product;

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

/** One accepted spec of a product, immutable: the document as parsed and as its owner wrote it. */
@Entity
@Table(name = "data_product_version")
public class DataProductVersion extends PanacheEntityBase {

  @EmbeddedId public Key key;

  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode spec;

  /** The document as sent, YAML or JSON. */
  public String source;

  @Column(name = "source_type")
  public String sourceType;

  /** SHA-256 of the canonical spec: the same content again is the same version. */
  @Column(name = "content_hash")
  public String contentHash;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Embeddable
  public record Key(String product, String version) implements Serializable {}

  public String version() {
    return key.version();
  }
}
