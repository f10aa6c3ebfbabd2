package io.meshwork.governance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data product as governance reads it: the catalog's spec document (the seed's Metadata
 * Standards: {@code product}, {@code schema}, {@code service}, {@code lineage}, plus {@code
 * outputPorts}), read once into the values rules look at. {@link #document()} keeps it whole for
 * rules that walk paths and for CEL.
 */
public final class ProductDescriptor {

  /** A column of the product. */
  public record Field(String name, String type, String description, List<String> tags) {}

  private final JsonNode document;
  private final String name;
  private final String domain;
  private final String owner;
  private final String version;
  private final String classification;
  private final String retention;
  private final List<String> regions;
  private final List<String> tags;
  private final List<Field> fields;
  private final List<String> outputPorts;
  private volatile Map<String, Object> celVariables;

  private ProductDescriptor(JsonNode document) {
    this.document = document;
    JsonNode product = document.path("product");
    this.name = text(product, "name");
    this.domain = text(product, "domain");
    this.owner = text(product, "owner");
    this.version = text(product, "version");
    this.classification = text(product, "classification");
    this.retention = text(product, "retention");
    this.regions = texts(product.path("regions"));
    this.tags = texts(product.path("tags"));
    List<Field> columns = new ArrayList<>();
    for (JsonNode field : document.path("schema")) {
      columns.add(
          new Field(
              text(field, "name"),
              text(field, "type"),
              text(field, "description"),
              texts(field.path("tags"))));
    }
    this.fields = List.copyOf(columns);
    this.outputPorts = texts(document.path("outputPorts"));
  }

  public static ProductDescriptor of(JsonNode document) {
    return new ProductDescriptor(document);
  }

  public JsonNode document() {
    return document;
  }

  public String name() {
    return name;
  }

  public String domain() {
    return domain;
  }

  public String owner() {
    return owner;
  }

  public String version() {
    return version;
  }

  public String classification() {
    return classification;
  }

  public String retention() {
    return retention;
  }

  public List<String> regions() {
    return regions;
  }

  public List<String> tags() {
    return tags;
  }

  public List<Field> fields() {
    return fields;
  }

  public List<String> outputPorts() {
    return outputPorts;
  }

  public boolean hasField(String field) {
    return fields.stream().anyMatch(f -> field.equals(f.name()));
  }

  /**
   * The document's top-level parts as plain maps and lists, the variables of CEL rules ({@code
   * product}, {@code schema}, {@code service}, {@code lineage}, {@code outputPorts}); converted
   * once and shared by every CEL rule that reads the product.
   */
  public Map<String, Object> celVariables() {
    Map<String, Object> variables = celVariables;
    if (variables == null) {
      variables = new LinkedHashMap<>();
      variables.put("product", plain(document.path("product"), Map.of()));
      variables.put("schema", plain(document.path("schema"), List.of()));
      variables.put("service", plain(document.path("service"), Map.of()));
      variables.put("lineage", plain(document.path("lineage"), Map.of()));
      variables.put("outputPorts", plain(document.path("outputPorts"), List.of()));
      celVariables = variables;
    }
    return variables;
  }

  /** JSON as CEL's Java values: maps, lists, String, Long, Double, Boolean; nulls left out. */
  private static Object plain(JsonNode node, Object missing) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return missing;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties()
          .forEach(
              entry -> {
                if (!entry.getValue().isNull()) {
                  map.put(entry.getKey(), plain(entry.getValue(), null));
                }
              });
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(plain(item, null)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(item.asText()));
    return List.copyOf(values);
  }
}
