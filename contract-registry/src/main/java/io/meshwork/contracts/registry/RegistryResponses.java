package io.meshwork.contracts.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Response bodies of the Confluent API, field for field. AVRO is the default and left out. */
public final class RegistryResponses {

  private RegistryResponses() {}

  public record RegisteredId(int id) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record SubjectSchema(
      String subject,
      int version,
      int id,
      String schemaType,
      List<SchemaReference> references,
      String schema) {

    static SubjectSchema of(String subject, int version, SchemaContent content) {
      return new SubjectSchema(
          subject,
          version,
          content.id,
          typeOrNull(content.schemaType),
          SchemaCache.readReferences(content.referencesJson),
          content.canonical);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record SchemaById(String schema, String schemaType, List<SchemaReference> references) {

    static SchemaById of(SchemaContent content) {
      return new SchemaById(
          content.canonical,
          typeOrNull(content.schemaType),
          SchemaCache.readReferences(content.referencesJson));
    }
  }

  public record SubjectAndVersion(String subject, int version) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Compatibility(
      @JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {}

  public record ConfigResponse(String compatibilityLevel) {}

  public record ConfigUpdate(String compatibility) {}

  public record ModeResponse(String mode) {}

  public record ErrorMessage(@JsonProperty("error_code") int errorCode, String message) {}

  private static String typeOrNull(String type) {
    return SchemaType.AVRO.name().equals(type) ? null : type;
  }
}
