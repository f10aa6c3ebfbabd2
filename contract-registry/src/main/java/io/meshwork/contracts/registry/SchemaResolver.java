package io.meshwork.contracts.registry;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Request bodies and stored ids to parsed schemas, with the schemas their references point at
 * resolved first (a schema is parsed only together with the types it borrows).
 */
@ApplicationScoped
public class SchemaResolver {

  private final SchemaCache cache;

  public SchemaResolver(SchemaCache cache) {
    this.cache = cache;
  }

  /** {@code normalize}: Confluent's {@code normalize=true}, see {@link ParsedSchema#normalized}. */
  ParsedSchema parse(RegisterSchemaRequest request, boolean normalize) {
    if (request == null) {
      throw RegistryException.invalidSchema("Invalid schema: the request has no body");
    }
    SchemaType type = SchemaType.parse(request.schemaType());
    List<SchemaReference> references = request.referencesOrEmpty();
    ParsedSchema parsed =
        cache.parse(type, request.schema(), references, resolveReferences(references));
    return normalize ? parsed.normalized() : parsed;
  }

  ParsedSchema parsedById(int id) {
    SchemaContent content = SchemaContent.findById(id);
    if (content == null) {
      throw RegistryException.schemaNotFound("Schema " + id + " not found");
    }
    return cache.of(content, this::resolveReferences);
  }

  private List<ParsedSchema> resolveReferences(List<SchemaReference> references) {
    List<ParsedSchema> resolved = new ArrayList<>();
    for (SchemaReference reference : references) {
      if (reference.subject() == null || reference.version() == null) {
        throw RegistryException.invalidSchema(
            "Invalid schema: reference '" + reference.name() + "' needs a subject and a version");
      }
      SubjectVersion version =
          SubjectVersion.findById(new SubjectVersion.Key(reference.subject(), reference.version()));
      if (version == null) {
        throw RegistryException.invalidSchema(
            "Invalid schema: reference '"
                + reference.name()
                + "' points at subject '"
                + reference.subject()
                + "' version "
                + reference.version()
                + ", which does not exist");
      }
      resolved.add(parsedById(version.schemaId));
    }
    return resolved;
  }

  /** Identity by content: the same type, canonical text and references is the same schema id. */
  static String fingerprint(ParsedSchema schema) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(schema.type().name().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(schema.canonical().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(
          SchemaCache.writeReferences(schema.references()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
