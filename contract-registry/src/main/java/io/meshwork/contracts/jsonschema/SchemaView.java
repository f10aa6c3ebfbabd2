package io.meshwork.contracts.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Read access to one (sub)schema of a JSON Schema document: resolves local {@code $ref}s against
 * the document root and answers the questions the inclusion check asks.
 */
final class SchemaView {

  enum Type {
    NULL,
    BOOLEAN,
    OBJECT,
    ARRAY,
    NUMBER,
    INTEGER,
    STRING
  }

  private static final int MAX_REF_HOPS = 32;

  final JsonNode node;
  final SchemaDocument document;

  private SchemaView(JsonNode node, SchemaDocument document) {
    this.node = node;
    this.document = document;
  }

  static SchemaView of(SchemaDocument document) {
    return new SchemaView(document.root(), document).resolved();
  }

  SchemaView child(JsonNode child) {
    return new SchemaView(child == null ? BooleanNode.TRUE : child, document).resolved();
  }

  /**
   * Follows {@code $ref}s: into this document ({@code #/$defs/..}), or into a referenced one by its
   * reference name ({@code other.json#/$defs/..}). A ref it cannot follow stays as it is.
   */
  private SchemaView resolved() {
    JsonNode current = node;
    SchemaDocument in = document;
    for (int hops = 0; hops < MAX_REF_HOPS && current.isObject() && current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      int hash = ref.indexOf('#');
      String name = hash < 0 ? ref : ref.substring(0, hash);
      String pointer = hash < 0 ? "" : ref.substring(hash + 1);
      SchemaDocument target = name.isEmpty() ? in : in.references().get(name);
      if (target == null) {
        return new SchemaView(current, in);
      }
      JsonNode found;
      try {
        found = target.root().at(pointer);
      } catch (IllegalArgumentException notAPointer) {
        return new SchemaView(current, in);
      }
      if (found.isMissingNode()) {
        return new SchemaView(current, in);
      }
      current = found;
      in = target;
    }
    return new SchemaView(current, in);
  }

  /** True for {@code true}, {@code {}} and schemas with only annotations. */
  boolean acceptsEverything() {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (!node.isObject()) {
      return false;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      if (!ANNOTATIONS.contains(names.next())) {
        return false;
      }
    }
    return true;
  }

  boolean acceptsNothing() {
    return node.isBoolean() && !node.booleanValue();
  }

  /**
   * The types an instance may have: explicit {@code type}, else inferred from const/enum, else all.
   */
  Set<Type> types() {
    JsonNode type = node.get("type");
    Set<Type> types = EnumSet.noneOf(Type.class);
    if (type != null && type.isTextual()) {
      types.add(Type.valueOf(type.asText().toUpperCase(Locale.ROOT)));
    } else if (type != null && type.isArray()) {
      type.forEach(t -> types.add(Type.valueOf(t.asText().toUpperCase(Locale.ROOT))));
    } else if (enumValues().isPresent()) {
      enumValues().get().forEach(v -> types.add(typeOf(v)));
    } else {
      return EnumSet.allOf(Type.class);
    }
    if (types.contains(Type.NUMBER)) {
      types.add(Type.INTEGER);
    }
    return types;
  }

  static Type typeOf(JsonNode value) {
    if (value.isNull()) {
      return Type.NULL;
    }
    if (value.isBoolean()) {
      return Type.BOOLEAN;
    }
    if (value.isIntegralNumber()) {
      return Type.INTEGER;
    }
    if (value.isNumber()) {
      return Type.NUMBER;
    }
    if (value.isTextual()) {
      return Type.STRING;
    }
    return value.isArray() ? Type.ARRAY : Type.OBJECT;
  }

  /** Allowed values from {@code enum} or {@code const}. */
  Optional<List<JsonNode>> enumValues() {
    if (node.has("const")) {
      return Optional.of(List.of(node.get("const")));
    }
    JsonNode values = node.get("enum");
    if (values == null || !values.isArray()) {
      return Optional.empty();
    }
    List<JsonNode> list = new ArrayList<>();
    values.forEach(list::add);
    return Optional.of(list);
  }

  Optional<Double> number(String keyword) {
    JsonNode value = node.get(keyword);
    return value != null && value.isNumber() ? Optional.of(value.doubleValue()) : Optional.empty();
  }

  Optional<String> text(String keyword) {
    JsonNode value = node.get(keyword);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  boolean flag(String keyword) {
    JsonNode value = node.get(keyword);
    return value != null && value.asBoolean(false);
  }

  /** Declared properties, in document order. */
  Map<String, JsonNode> properties() {
    JsonNode properties = node.get("properties");
    Map<String, JsonNode> result = new LinkedHashMap<>();
    if (properties != null && properties.isObject()) {
      properties.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue()));
    }
    return result;
  }

  Set<String> required() {
    Set<String> names = new LinkedHashSet<>();
    JsonNode required = node.get("required");
    if (required != null && required.isArray()) {
      required.forEach(n -> names.add(n.asText()));
    }
    return names;
  }

  /** {@code additionalProperties}: absent means {@code true} (an open content model). */
  SchemaView additionalProperties() {
    return child(node.get("additionalProperties"));
  }

  boolean hasPatternProperties() {
    JsonNode patterns = node.get("patternProperties");
    return patterns != null && patterns.isObject() && patterns.size() > 0;
  }

  /** The schema a property {@code name} not declared in {@code properties} must satisfy. */
  SchemaView undeclaredProperty(String name) {
    JsonNode patterns = node.get("patternProperties");
    if (patterns != null && patterns.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = patterns.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> pattern = it.next();
        try {
          if (Pattern.compile(pattern.getKey()).matcher(name).find()) {
            return child(pattern.getValue());
          }
        } catch (PatternSyntaxException ignored) {
          // an unusable pattern constrains nothing we can reason about
        }
      }
    }
    return additionalProperties();
  }

  SchemaView propertyOrUndeclared(String name) {
    JsonNode declared = properties().get(name);
    return declared != null ? child(declared) : undeclaredProperty(name);
  }

  boolean hasDefault(String property) {
    JsonNode declared = properties().get(property);
    return declared != null && child(declared).node.has("default");
  }

  Optional<SchemaView> items() {
    JsonNode items = node.get("items");
    return items == null || items.isArray() ? Optional.empty() : Optional.of(child(items));
  }

  List<SchemaView> branches(String keyword) {
    JsonNode branches = node.get(keyword);
    List<SchemaView> result = new ArrayList<>();
    if (branches != null && branches.isArray()) {
      branches.forEach(b -> result.add(child(b)));
    }
    return result;
  }

  /** Compact text of this schema for messages, shortened when long. */
  String fragment() {
    String text = node.toString();
    return text.length() > 160 ? text.substring(0, 157) + "..." : text;
  }

  private static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "default",
          "examples",
          "$comment",
          "$id",
          "$schema",
          "deprecated",
          "readOnly",
          "writeOnly",
          "$anchor",
          "definitions",
          "$defs");
}
