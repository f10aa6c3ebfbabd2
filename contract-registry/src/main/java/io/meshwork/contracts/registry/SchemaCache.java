package io.meshwork.contracts.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses schema texts and keeps parsed schemas by id. Registered contents never change, so the
 * cache needs no invalidation except when a hard delete removes the last version of an id.
 */
@ApplicationScoped
public class SchemaCache {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<SchemaType, SchemaParser> parsers = new EnumMap<>(SchemaType.class);
  private final Map<Integer, ParsedSchema> byId = new ConcurrentHashMap<>();
  private final Map<Integer, SchemaContent> contents = new ConcurrentHashMap<>();
  private final Map<Integer, byte[]> byIdBodies = new ConcurrentHashMap<>();

  public SchemaCache(Instance<SchemaParser> parsers) {
    parsers.forEach(parser -> this.parsers.put(parser.type(), parser));
  }

  /** Parses a schema whose references were already resolved to accepted schemas. */
  public ParsedSchema parse(
      SchemaType type,
      String text,
      List<SchemaReference> references,
      List<ParsedSchema> referenced) {
    if (text == null || text.isBlank()) {
      throw RegistryException.invalidSchema("Invalid schema: the schema is empty");
    }
    SchemaParser parser = parsers.get(type);
    if (parser == null) {
      throw RegistryException.invalidSchema("Invalid schema type " + type);
    }
    return parser.parse(text, references, referenced);
  }

  /** The parsed schema of a stored content row. */
  public ParsedSchema of(SchemaContent content, ReferenceResolver resolver) {
    return byId.computeIfAbsent(
        content.id,
        id -> {
          List<SchemaReference> references = readReferences(content.referencesJson);
          return parse(
              SchemaType.valueOf(content.schemaType),
              content.canonical,
              references,
              resolver.resolve(references));
        });
  }

  public void forget(int id) {
    byId.remove(id);
    contents.remove(id);
    byIdBodies.remove(id);
  }

  /**
   * The JSON body of {@code GET /schemas/ids/{id}}, rendered once: serializers fetch it for every
   * schema id they meet, so it is the registry's hottest read.
   */
  public byte[] byIdBody(SchemaContent content) {
    return byIdBodies.computeIfAbsent(
        content.id,
        id -> {
          try {
            return JSON.writeValueAsBytes(RegistryResponses.SchemaById.of(content));
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** A stored content row known to be in use, or null. */
  public SchemaContent content(int id) {
    return contents.get(id);
  }

  public void remember(SchemaContent content) {
    contents.put(content.id, content);
  }

  public static String writeReferences(List<SchemaReference> references) {
    try {
      return JSON.writeValueAsString(references);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<SchemaReference> readReferences(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return new ArrayList<>(JSON.readValue(json, new TypeReference<List<SchemaReference>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored references are not JSON: " + json, e);
    }
  }

  /** Turns references into the accepted schemas they point at. */
  @FunctionalInterface
  public interface ReferenceResolver {
    List<ParsedSchema> resolve(List<SchemaReference> references);
  }
}
