package io.meshwork.clients.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One version of a subject; {@code schemaType} is absent for AVRO, as in Confluent's API. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectVersion(
    String subject,
    int version,
    int id,
    String schemaType,
    String schema,
    List<Reference> references) {

  public String type() {
    return schemaType == null ? "AVRO" : schemaType;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Reference(String name, String subject, int version) {}
}
