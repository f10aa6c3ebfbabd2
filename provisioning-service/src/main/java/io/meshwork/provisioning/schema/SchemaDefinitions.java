package io.meshwork.provisioning.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.provisioning.common.Identifiers;
import io.meshwork.web.problem.Incidents;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.jboss.logging.Logger;

/**
 * Turns a dataset's schema into fields: an inline definition (a list of typed fields, or a JSON
 * Schema object), or a registered Avro or JSON schema. Column names must be plain lower-case
 * identifiers; anything else is a {@link SchemaProblem} naming the field.
 */
public final class SchemaDefinitions {

  private static final Logger LOG = Logger.getLogger(SchemaDefinitions.class);

  private static final Pattern DECIMAL =
      Pattern.compile("^decimal\\((\\d{1,2}),\\s*(\\d{1,2})\\)$");
  private static final int MAX_FIELDS = 1600;

  private SchemaDefinitions() {}

  /** {@code schemaDefinition} of a request: {@code [{"name","type",...}]} or a JSON Schema. */
  public static List<FieldSpec> inline(JsonNode definition) {
    if (definition.isArray()) {
      List<FieldSpec> fields = new ArrayList<>();
      for (int i = 0; i < definition.size(); i++) {
        fields.add(inlineField(definition.get(i), "schemaDefinition[" + i + "]"));
      }
      return checked(fields, "schemaDefinition");
    }
    if (definition.isObject()
        && (definition.has("properties") || "object".equals(definition.path("type").asText()))) {
      return jsonSchema(definition, "schemaDefinition");
    }
    throw new SchemaProblem(
        "schemaDefinition",
        "must be a list of fields [{\"name\",\"type\"}] or a JSON Schema object");
  }

  private static FieldSpec inlineField(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new SchemaProblem(path, "must be an object with name and type");
    }
    String name = node.path("name").asText(null);
    String typeText = node.path("type").asText("").trim().toLowerCase(Locale.ROOT);
    Integer precision = null;
    Integer scale = null;
    FieldType type;
    Matcher decimal = DECIMAL.matcher(typeText);
    if (decimal.matches()) {
      type = FieldType.DECIMAL;
      precision = Integer.parseInt(decimal.group(1));
      scale = Integer.parseInt(decimal.group(2));
    } else {
      type =
          switch (typeText) {
            case "string", "text", "varchar" -> FieldType.STRING;
            case "integer", "int" -> FieldType.INTEGER;
            case "long", "bigint" -> FieldType.BIGINT;
            case "number", "double", "float" -> FieldType.DOUBLE;
            case "decimal", "numeric" -> FieldType.DECIMAL;
            case "boolean", "bool" -> FieldType.BOOLEAN;
            case "date" -> FieldType.DATE;
            case "timestamp", "date-time", "datetime" -> FieldType.TIMESTAMP;
            case "time" -> FieldType.TIME;
            case "bytes", "binary" -> FieldType.BYTES;
            case "uuid" -> FieldType.UUID;
            case "json", "object", "array" -> FieldType.JSON;
            default ->
                throw new SchemaProblem(
                    path + ".type",
                    "unknown type '"
                        + typeText
                        + "' (string, integer, long, number, decimal(p,s), boolean,"
                        + " date, timestamp, time, bytes, uuid, json)");
          };
    }
    if (scale != null && scale > precision) {
      throw new SchemaProblem(path + ".type", "decimal scale cannot exceed its precision");
    }
    List<String> allowed = new ArrayList<>();
    node.path("enum").forEach(v -> allowed.add(v.asText()));
    return new FieldSpec(
        name,
        type,
        node.path("required").asBoolean(false) || node.path("primaryKey").asBoolean(false),
        node.path("primaryKey").asBoolean(false),
        precision,
        scale,
        number(node, "min", "minimum"),
        number(node, "max", "maximum"),
        node.has("maxLength") ? node.get("maxLength").asInt() : null,
        node.hasNonNull("pattern") ? node.get("pattern").asText() : null,
        allowed);
  }

  /**
   * A JSON Schema object: properties, required, formats, bounds, enum; x-primary-key marks keys.
   */
  public static List<FieldSpec> jsonSchema(JsonNode schema, String path) {
    JsonNode properties = schema.path("properties");
    if (!properties.isObject() || properties.isEmpty()) {
      throw new SchemaProblem(path + ".properties", "a JSON Schema for a dataset needs properties");
    }
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(n -> required.add(n.asText()));
    List<FieldSpec> fields = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      JsonNode spec = property.getValue();
      String at = path + ".properties." + property.getKey();
      List<String> types = new ArrayList<>();
      if (spec.path("type").isArray()) {
        spec.get("type").forEach(t -> types.add(t.asText()));
      } else if (spec.has("type")) {
        types.add(spec.get("type").asText());
      } else if (spec.has("enum")) {
        types.add("string");
      }
      boolean nullable = types.remove("null");
      if (types.size() != 1) {
        throw new SchemaProblem(at + ".type", "needs exactly one non-null type");
      }
      FieldType type =
          switch (types.get(0)) {
            case "string" ->
                switch (spec.path("format").asText("")) {
                  case "date" -> FieldType.DATE;
                  case "date-time" -> FieldType.TIMESTAMP;
                  case "time" -> FieldType.TIME;
                  case "uuid" -> FieldType.UUID;
                  default -> FieldType.STRING;
                };
            case "integer" -> FieldType.BIGINT;
            case "number" -> FieldType.DOUBLE;
            case "boolean" -> FieldType.BOOLEAN;
            case "object", "array" -> FieldType.JSON;
            default ->
                throw new SchemaProblem(at + ".type", "unknown JSON Schema type " + types.get(0));
          };
      List<String> allowed = new ArrayList<>();
      spec.path("enum").forEach(v -> allowed.add(v.asText()));
      boolean primaryKey = spec.path("x-primary-key").asBoolean(false);
      fields.add(
          new FieldSpec(
              property.getKey(),
              type,
              (required.contains(property.getKey()) && !nullable) || primaryKey,
              primaryKey,
              null,
              null,
              number(spec, "minimum", "minimum"),
              number(spec, "maximum", "maximum"),
              spec.has("maxLength") ? spec.get("maxLength").asInt() : null,
              spec.hasNonNull("pattern") ? spec.get("pattern").asText() : null,
              allowed));
    }
    return checked(fields, path);
  }

  /** A registered Avro record schema. */
  public static List<FieldSpec> avro(String text, String path) {
    Schema schema;
    try {
      schema = new Schema.Parser().parse(text);
    } catch (RuntimeException e) {
      // The registry accepted it, so this parser and the registry's disagree: the log tells how.
      throw new SchemaProblem(
          path, Incidents.record(LOG, "the registered Avro schema does not parse here", e));
    }
    if (schema.getType() != Schema.Type.RECORD) {
      throw new SchemaProblem(
          path, "a dataset's Avro schema must be a record, not " + schema.getType());
    }
    List<FieldSpec> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      Schema type = field.schema();
      boolean nullable = false;
      if (type.getType() == Schema.Type.UNION) {
        List<Schema> branches = new ArrayList<>(type.getTypes());
        nullable = branches.removeIf(b -> b.getType() == Schema.Type.NULL);
        type = branches.size() == 1 ? branches.get(0) : null;
      }
      Object key = field.getObjectProp("primaryKey");
      boolean primaryKey = Boolean.TRUE.equals(key) || "true".equals(String.valueOf(key));
      FieldSpec spec =
          type == null
              ? FieldSpec.simple(field.name(), FieldType.JSON, false)
              : avroField(field.name(), type, !nullable, primaryKey);
      fields.add(spec);
    }
    return checked(fields, path);
  }

  private static FieldSpec avroField(
      String name, Schema type, boolean required, boolean primaryKey) {
    LogicalType logical = type.getLogicalType();
    FieldType fieldType;
    Integer precision = null;
    Integer scale = null;
    List<String> allowed = List.of();
    if (logical instanceof LogicalTypes.Decimal decimal) {
      fieldType = FieldType.DECIMAL;
      precision = decimal.getPrecision();
      scale = decimal.getScale();
    } else if (logical != null) {
      fieldType =
          switch (logical.getName()) {
            case "date" -> FieldType.DATE;
            case "time-millis", "time-micros" -> FieldType.TIME;
            case "timestamp-millis",
                "timestamp-micros",
                "local-timestamp-millis",
                "local-timestamp-micros" ->
                FieldType.TIMESTAMP;
            case "uuid" -> FieldType.UUID;
            default -> null;
          };
      if (fieldType == null) {
        fieldType = plainAvro(type);
      }
    } else if (type.getType() == Schema.Type.ENUM) {
      fieldType = FieldType.STRING;
      allowed = type.getEnumSymbols();
    } else {
      fieldType = plainAvro(type);
    }
    return new FieldSpec(
        name,
        fieldType,
        required || primaryKey,
        primaryKey,
        precision,
        scale,
        null,
        null,
        null,
        null,
        allowed);
  }

  private static FieldType plainAvro(Schema type) {
    return switch (type.getType()) {
      case STRING -> FieldType.STRING;
      case INT -> FieldType.INTEGER;
      case LONG -> FieldType.BIGINT;
      case FLOAT, DOUBLE -> FieldType.DOUBLE;
      case BOOLEAN -> FieldType.BOOLEAN;
      case BYTES, FIXED -> FieldType.BYTES;
      default -> FieldType.JSON;
    };
  }

  private static List<FieldSpec> checked(List<FieldSpec> fields, String path) {
    if (fields.isEmpty()) {
      throw new SchemaProblem(path, "a dataset needs at least one field");
    }
    if (fields.size() > MAX_FIELDS) {
      throw new SchemaProblem(path, "at most " + MAX_FIELDS + " fields");
    }
    Set<String> names = new HashSet<>();
    for (FieldSpec field : fields) {
      String problem = Identifiers.columnProblem(field.name());
      if (problem != null) {
        throw new SchemaProblem(path + "." + field.name(), "field name " + problem);
      }
      if (!names.add(field.name())) {
        throw new SchemaProblem(path + "." + field.name(), "field is declared twice");
      }
      if (field.pattern() != null) {
        try {
          Pattern.compile(field.pattern());
        } catch (PatternSyntaxException e) {
          throw new SchemaProblem(
              path + "." + field.name() + ".pattern", "not a valid regular expression");
        }
      }
    }
    return fields;
  }

  private static Double number(JsonNode node, String name, String alternative) {
    JsonNode value = node.has(name) ? node.get(name) : node.get(alternative);
    return value != null && value.isNumber() ? value.doubleValue() : null;
  }
}
