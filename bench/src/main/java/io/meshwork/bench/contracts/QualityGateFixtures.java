package io.meshwork.bench.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A realistic 20-field contract (ODCS) and the same rules as a JSON Schema, plus records that
 * exercise every rule (about 5% break one).
 */
public final class QualityGateFixtures {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final ObjectMapper JSON = new ObjectMapper();

  private QualityGateFixtures() {}

  record Field(
      String name,
      String type,
      boolean required,
      Double min,
      Double max,
      Integer minLength,
      Integer maxLength,
      String pattern,
      List<String> allowed) {}

  static final List<Field> FIELDS =
      List.of(
          new Field("order_id", "string", true, null, null, null, null, "^ORD-[0-9]{8}$", null),
          new Field("customer_id", "string", true, null, null, null, null, "^CUST-[0-9]{8}$", null),
          new Field(
              "status",
              "string",
              true,
              null,
              null,
              null,
              null,
              null,
              List.of("PLACED", "SHIPPED", "DELIVERED", "CANCELLED", "RETURNED")),
          new Field(
              "channel",
              "string",
              false,
              null,
              null,
              null,
              null,
              null,
              List.of("web", "app", "store", "phone")),
          new Field("amount", "number", true, 0.0, 1_000_000.0, null, null, null, null),
          new Field(
              "currency",
              "string",
              true,
              null,
              null,
              null,
              null,
              null,
              List.of("USD", "EUR", "JPY", "IDR")),
          new Field("quantity", "integer", true, 1.0, 1000.0, null, null, null, null),
          new Field("discount", "number", false, 0.0, 1.0, null, null, null, null),
          new Field("is_gift", "boolean", false, null, null, null, null, null, null),
          new Field("order_date", "date", true, null, null, null, null, null, null),
          new Field("created_at", "timestamp", true, null, null, null, null, null, null),
          new Field("email", "string", false, null, null, null, 254, "^[^@\\s]+@[^@\\s]+$", null),
          new Field("country", "string", false, null, null, 2, 2, null, null),
          new Field("city", "string", false, null, null, null, 100, null, null),
          new Field("postal_code", "string", false, null, null, null, 12, null, null),
          new Field("sku", "string", true, null, null, null, null, "^SKU-[A-Z0-9]{6}$", null),
          new Field("unit_price", "number", true, 0.0, null, null, null, null, null),
          new Field("tax", "number", false, 0.0, null, null, null, null, null),
          new Field(
              "loyalty_tier",
              "string",
              false,
              null,
              null,
              null,
              null,
              null,
              List.of("none", "silver", "gold", "platinum")),
          new Field("notes", "string", false, null, null, null, 500, null, null));

  /** The contract as ODCS (canonical form of contract-registry). */
  public static ObjectNode contract(String id) {
    ObjectNode odcs = NODES.objectNode();
    odcs.put("apiVersion", "v3.1.0")
        .put("kind", "DataContract")
        .put("id", id)
        .put("name", "orders");
    odcs.put("version", "1.0.0").put("status", "draft").put("domain", "marketing");
    ObjectNode object = odcs.putArray("schema").addObject();
    object.put("name", "orders").put("logicalType", "object");
    ArrayNode properties = object.putArray("properties");
    for (Field field : FIELDS) {
      ObjectNode property = properties.addObject();
      property
          .put("name", field.name())
          .put("logicalType", field.type())
          .put("required", field.required());
      ObjectNode options = NODES.objectNode();
      if (field.min() != null) {
        options.put("minimum", field.min());
      }
      if (field.max() != null) {
        options.put("maximum", field.max());
      }
      if (field.minLength() != null) {
        options.put("minLength", field.minLength());
      }
      if (field.maxLength() != null) {
        options.put("maxLength", field.maxLength());
      }
      if (field.pattern() != null) {
        options.put("pattern", field.pattern());
      }
      if (!options.isEmpty()) {
        property.set("logicalTypeOptions", options);
      }
      if (field.allowed() != null) {
        ObjectNode rule = property.putArray("quality").addObject();
        rule.put("name", field.name() + "_allowed").put("metric", "invalidValues").put("mustBe", 0);
        ArrayNode values = rule.putObject("arguments").putArray("validValues");
        field.allowed().forEach(values::add);
      }
    }
    return odcs;
  }

  /** The same rules as JSON Schema 2020-12 (formats asserted). */
  public static ObjectNode jsonSchema() {
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema").put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = schema.putArray("required");
    for (Field field : FIELDS) {
      ObjectNode property = properties.putObject(field.name());
      switch (field.type()) {
        case "date" -> property.put("type", "string").put("format", "date");
        case "timestamp" -> property.put("type", "string").put("format", "date-time");
        default -> property.put("type", field.type());
      }
      if (field.min() != null) {
        property.put("minimum", field.min());
      }
      if (field.max() != null) {
        property.put("maximum", field.max());
      }
      if (field.minLength() != null) {
        property.put("minLength", field.minLength());
      }
      if (field.maxLength() != null) {
        property.put("maxLength", field.maxLength());
      }
      if (field.pattern() != null) {
        property.put("pattern", field.pattern());
      }
      if (field.allowed() != null) {
        ArrayNode values = property.putArray("enum");
        field.allowed().forEach(values::add);
      }
      if (field.required()) {
        required.add(field.name());
      }
    }
    return schema;
  }

  /**
   * {@code count} records as the endpoint receives them: generated, written as JSON text and parsed
   * back (so their layout in memory is that of parsed input); every twentieth breaks one rule.
   */
  public static ArrayNode records(int count, long seed) {
    try {
      return (ArrayNode) JSON.readTree(JSON.writeValueAsBytes(generate(count, seed)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ArrayNode generate(int count, long seed) {
    Random random = new Random(seed);
    ArrayNode records = NODES.arrayNode();
    String[] statuses = {"PLACED", "SHIPPED", "DELIVERED", "CANCELLED", "RETURNED"};
    String[] currencies = {"USD", "EUR", "JPY", "IDR"};
    for (int i = 0; i < count; i++) {
      ObjectNode r = records.addObject();
      r.put("order_id", String.format("ORD-%08d", i));
      r.put("customer_id", String.format("CUST-%08d", random.nextInt(99_999_999)));
      r.put("status", statuses[random.nextInt(statuses.length)]);
      r.put("channel", random.nextBoolean() ? "web" : "app");
      r.put("amount", Math.round(random.nextDouble() * 50_000) / 100.0);
      r.put("currency", currencies[random.nextInt(currencies.length)]);
      r.put("quantity", 1 + random.nextInt(20));
      r.put("discount", random.nextInt(30) / 100.0);
      r.put("is_gift", random.nextInt(10) == 0);
      r.put(
          "order_date",
          String.format("2026-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)));
      r.put(
          "created_at",
          String.format(
              "2026-%02d-%02dT%02d:%02d:%02dZ",
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60)));
      r.put("email", "customer" + i + "@example.com");
      r.put("country", random.nextBoolean() ? "ID" : "DE");
      r.put("city", "Jakarta");
      r.put("postal_code", String.valueOf(10_000 + random.nextInt(89_999)));
      r.put(
          "sku",
          "SKU-"
              + Integer.toString(100_000 + random.nextInt(800_000), 36)
                  .toUpperCase(Locale.ROOT)
                  .substring(0, 4)
              + "AB");
      r.put("unit_price", 1 + random.nextInt(500));
      r.put("tax", random.nextInt(50));
      r.put("loyalty_tier", "gold");
      r.put("notes", "leave at the door");
      if (i % 20 == 19) {
        switch (random.nextInt(4)) {
          case 0 -> r.remove("order_id");
          case 1 -> r.put("quantity", 0);
          case 2 -> r.put("currency", "XYZ");
          default -> r.put("order_date", "2026-02-30");
        }
      }
    }
    return records;
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
