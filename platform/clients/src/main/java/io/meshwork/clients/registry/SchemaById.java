package io.meshwork.clients.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A schema by its global id, as a Kafka deserializer resolves it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaById(
    String schema, String schemaType, List<SubjectVersion.Reference> references) {

  public String type() {
    return schemaType == null ? "AVRO" : schemaType;
  }
}
