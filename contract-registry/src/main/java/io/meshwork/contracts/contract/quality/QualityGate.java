package io.meshwork.contracts.contract.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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
    String name = property.path("name").asText();
    boolean required = property.path("required").asBoolean(false);
    JsonNode options = property.path("logicalTypeOptions");
    Set<String> allowed = allowedValues(property);
    return switch (property.path("logicalType").asText("").toLowerCase(Locale.ROOT)) {
      case "string" ->
          new FieldRule.Text(
              name,
              required,
              options.path("minLength").asInt(0),
              options.has("maxLength") ? options.get("maxLength").asInt() : Integer.MAX_VALUE,
              options.hasNonNull("pattern")
                  ? Pattern.compile(options.get("pattern").asText())
                  : null,
              allowed);
      case "integer", "number" -> {
        boolean exclusiveMin = options.path("exclusiveMinimum").isNumber();
        boolean exclusiveMax = options.path("exclusiveMaximum").isNumber();
        yield new FieldRule.Numeric(
            name,
            required,
            property.path("logicalType").asText().equalsIgnoreCase("integer"),
            exclusiveMin
                ? options.get("exclusiveMinimum").doubleValue()
                : options.path("minimum").isNumber()
                    ? options.get("minimum").doubleValue()
                    : Double.NEGATIVE_INFINITY,
            exclusiveMin,
            exclusiveMax
                ? options.get("exclusiveMaximum").doubleValue()
                : options.path("maximum").isNumber()
                    ? options.get("maximum").doubleValue()
                    : Double.POSITIVE_INFINITY,
            exclusiveMax,
            allowed);
      }
      case "date" -> new FieldRule.Temporal(name, required, FieldRule.Temporal.Kind.DATE);
      case "time" -> new FieldRule.Temporal(name, required, FieldRule.Temporal.Kind.TIME);
      case "timestamp" -> new FieldRule.Temporal(name, required, FieldRule.Temporal.Kind.TIMESTAMP);
      case "boolean" ->
          new FieldRule.Shape(name, required, JsonNodeType.BOOLEAN, "true or false", allowed);
      case "object" ->
          new FieldRule.Shape(name, required, JsonNodeType.OBJECT, "an object", allowed);
      case "array" -> new FieldRule.Shape(name, required, JsonNodeType.ARRAY, "a list", allowed);
      default -> new FieldRule.Shape(name, required, null, "any value", allowed);
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

  /** Records per parallel task: below this, splitting costs more than it saves. */
  static final int CHUNK = 2048;

  /**
   * Checks a JSON array of records, keeping at most {@code maxErrors} problems (the first ones, in
   * record order) in the outcome. Large batches are split across the machine's cores.
   */
  public Outcome validate(JsonNode records, int maxErrors) {
    int count = records.size();
    int chunks = (count + CHUNK - 1) / CHUNK;
    if (chunks <= 1) {
      Collector collector = new Collector(maxErrors);
      int invalid = checkRange(records, 0, count, collector);
      return new Outcome(invalid == 0, count, invalid, collector.total, collector.kept);
    }
    Collector[] collectors = new Collector[chunks];
    int[] invalid = new int[chunks];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              collectors[chunk] = new Collector(maxErrors);
              invalid[chunk] =
                  checkRange(
                      records,
                      chunk * CHUNK,
                      Math.min(count, (chunk + 1) * CHUNK),
                      collectors[chunk]);
            });
    List<RecordError> kept = new ArrayList<>();
    long total = 0;
    int invalidRecords = 0;
    for (int chunk = 0; chunk < chunks; chunk++) {
      total += collectors[chunk].total;
      invalidRecords += invalid[chunk];
      for (RecordError error : collectors[chunk].kept) {
        if (kept.size() < maxErrors) {
          kept.add(error);
        }
      }
    }
    return new Outcome(invalidRecords == 0, count, invalidRecords, total, kept);
  }

  private int checkRange(JsonNode records, int from, int to, Collector collector) {
    int invalid = 0;
    for (int i = from; i < to; i++) {
      if (!check(records.get(i), i, collector)) {
        invalid++;
      }
    }
    return invalid;
  }

  /** A checker for records read one by one from a parser (see {@link RecordStream}). */
  StreamingCheck streaming() {
    return new StreamingCheck(rules);
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

    public List<RecordError> kept() {
      return kept;
    }
  }
}
