package io.meshwork.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's operations as its OpenAPI snapshot ({@code src/test/resources/openapi.yaml}) lists
 * them: method, path, the media types of its body, the roles it allows (none: any signed-in
 * caller), and the property names its body's schema knows (to aim wrong types at).
 */
public record ApiOperations(List<Operation> all) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  /** One operation of the document. */
  public record Operation(
      String method,
      String path,
      List<String> mediaTypes,
      List<String> roles,
      Set<String> properties) {

    public boolean mutating() {
      return !method.equals("GET");
    }

    public boolean hasBody() {
      return !mediaTypes.isEmpty();
    }

    /** Confluent's schema-registry API answers in its own error body. */
    public boolean confluent() {
      return !path.startsWith("/api/");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** The operations of the module's snapshot (tests run in the module's directory). */
  public static ApiOperations ofSnapshot() {
    return of(Path.of("src/test/resources/openapi.yaml"));
  }

  public static ApiOperations of(Path document) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(document));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (!METHODS.contains(method.getKey())) {
          continue;
        }
        JsonNode operation = method.getValue();
        List<String> media = new ArrayList<>();
        Set<String> properties = new TreeSet<>();
        operation
            .path("requestBody")
            .path("content")
            .fields()
            .forEachRemaining(
                content -> {
                  media.add(content.getKey());
                  collect(root, content.getValue().path("schema"), properties, 0);
                });
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : operation.path("security")) {
          requirement
              .fields()
              .forEachRemaining(e -> e.getValue().forEach(r -> roles.add(r.asText())));
        }
        operations.add(
            new Operation(
                method.getKey().toUpperCase(Locale.ROOT), path.getKey(), media, roles, properties));
      }
    }
    return new ApiOperations(List.copyOf(operations));
  }

  private static void collect(JsonNode root, JsonNode schema, Set<String> into, int depth) {
    if (depth > 4 || schema.isMissingNode()) {
      return;
    }
    String ref = schema.path("$ref").asText("");
    if (ref.startsWith("#/components/schemas/")) {
      collect(
          root, root.path("components").path("schemas").path(ref.substring(21)), into, depth + 1);
      return;
    }
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            property -> {
              into.add(property.getKey());
              collect(root, property.getValue(), into, depth + 1);
            });
    collect(root, schema.path("items"), into, depth + 1);
  }
}
