package io.meshwork.contracts.contract.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The seed's {@code validate_contract(data, contract)}, compiled: a contract's schema object
 * becomes an array of field rules (type, required, min/max, length, pattern, allowed values) that
 * checks already-parsed JSON records without reflection or per-record allocation.
 */
public final class QualityGate {

  /** One problem of one record. */
  public record RecordError(int record, String field, String rule, String message) {}

  /**
   * The outcome for a batch: {@code errorCount} counts all, {@code errors} keeps the first ones.
   */
  public record Outcome(
      boolean valid, int records, int invalidRecords, long errorCount, List<RecordError> errors) {}

  private final FieldRule[] rules;
  private final String object;

  private QualityGate(String object, FieldRule[] rules) {
    this.object = object;
    this.rules = rules;
  }

  public String object() {
    return object;
  }

  public int fieldCount() {
    return rules.length;
  }

  /** Compiles the checks of one schema object of a canonical (ODCS) contract. */
  public static QualityGate compile(JsonNode schemaObject) {
    List<FieldRule> rules = new ArrayList<>();
    for (JsonNode property : schemaObject.path("properties")) {
      rules.add(rule(property));
    }
    return new QualityGate(schemaObject.path("name").asText(), rules.toArray(FieldRule[]::new));
  }

  private static FieldRule rule(JsonNode property) {
    JsonNode options = property.path("logicalTypeOptions");
    boolean exclusiveMin =
        options.has("exclusiveMinimum") && options.get("exclusiveMinimum").isNumber();
    boolean exclusiveMax =
        options.has("exclusiveMaximum") && options.get("exclusiveMaximum").isNumber();
    double min =
        exclusiveMin
            ? options.get("exclusiveMinimum").doubleValue()
            : options.path("minimum").isNumber()
                ? options.get("minimum").doubleValue()
                : Double.NEGATIVE_INFINITY;
    double max =
        exclusiveMax
            ? options.get("exclusiveMaximum").doubleValue()
            : options.path("maximum").isNumber()
                ? options.get("maximum").doubleValue()
                : Double.POSITIVE_INFINITY;
    return new FieldRule(
        property.path("name").asText(),
        property.path("required").asBoolean(false),
        type(property.path("logicalType").asText("")),
        min,
        exclusiveMin,
        max,
        exclusiveMax,
        options.path("minLength").asInt(0),
        options.has("maxLength") ? options.get("maxLength").asInt() : Integer.MAX_VALUE,
        options.hasNonNull("pattern") ? Pattern.compile(options.get("pattern").asText()) : null,
        allowedValues(property));
  }

  private static FieldRule.Type type(String logicalType) {
    return switch (logicalType.toLowerCase(Locale.ROOT)) {
      case "string" -> FieldRule.Type.STRING;
      case "integer" -> FieldRule.Type.INTEGER;
      case "number" -> FieldRule.Type.NUMBER;
      case "boolean" -> FieldRule.Type.BOOLEAN;
      case "date" -> FieldRule.Type.DATE;
      case "timestamp" -> FieldRule.Type.TIMESTAMP;
      case "time" -> FieldRule.Type.TIME;
      case "object" -> FieldRule.Type.OBJECT;
      case "array" -> FieldRule.Type.ARRAY;
      default -> FieldRule.Type.ANY;
    };
  }

  private static Set<String> allowedValues(JsonNode property) {
    for (JsonNode rule : property.path("quality")) {
      JsonNode values = rule.path("arguments").get("validValues");
      if ("invalidValues".equals(rule.path("metric").asText())
          && values != null
          && values.isArray()) {
        Set<String> allowed = new HashSet<>();
        values.forEach(v -> allowed.add(v.asText()));
        return Set.copyOf(allowed);
      }
    }
    return null;
  }

  /** Checks a JSON array of records, keeping at most {@code maxErrors} problems in the outcome. */
  public Outcome validate(JsonNode records, int maxErrors) {
    Collector collector = new Collector(maxErrors);
    int count = records.size();
    int invalid = 0;
    for (int i = 0; i < count; i++) {
      if (!check(records.get(i), i, collector)) {
        invalid++;
      }
    }
    return new Outcome(invalid == 0, count, invalid, collector.total, collector.kept);
  }

  /** Checks one record; true when it passes every rule. Hot path: no allocation when valid. */
  public boolean check(JsonNode record, int index, ErrorSink sink) {
    if (record == null || !record.isObject()) {
      sink.add(index, "$", "type", "a record must be a JSON object");
      return false;
    }
    boolean valid = true;
    for (FieldRule rule : rules) {
      valid &= rule.check(record.get(rule.name), index, sink);
    }
    return valid;
  }

  /** Counts every error, keeps the first {@code max}. */
  public static final class Collector implements ErrorSink {
    private final int max;
    private final List<RecordError> kept = new ArrayList<>();
    private long total;

    public Collector(int max) {
      this.max = max;
    }

    @Override
    public void add(int record, String field, String rule, String message) {
      total++;
      if (kept.size() < max) {
        kept.add(new RecordError(record, field, rule, message));
      }
    }

    public long total() {
      return total;
    }
  }
}
