package io.meshwork.contracts.contract.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One property's checks, compiled once from the contract: reads one value and reports what is wrong
 * with it. One small subclass per logical type keeps each check tight for the JIT; the passing path
 * allocates nothing. The gate runs these millions of times per second.
 */
abstract class FieldRule {

  final String name;
  final boolean required;

  FieldRule(String name, boolean required) {
    // Jackson interns field names it parses, so an interned name mostly matches by identity.
    this.name = name.intern();
    this.required = required;
  }

  /** Checks one record's value; returns false after reporting the first problem. */
  final boolean check(JsonNode value, int record, ErrorSink sink) {
    if (value == null) {
      return missing(record, sink);
    }
    JsonNodeType type = value.getNodeType();
    if (type == JsonNodeType.NULL) {
      return missing(record, sink);
    }
    return checkPresent(value, type, record, sink);
  }

  abstract boolean checkPresent(JsonNode value, JsonNodeType type, int record, ErrorSink sink);

  private boolean missing(int record, ErrorSink sink) {
    if (required) {
      sink.add(record, name, "required", "is required");
      return false;
    }
    return true;
  }

  final boolean typeError(int record, ErrorSink sink, String expected, JsonNodeType actual) {
    sink.add(
        record,
        name,
        "type",
        "must be " + expected + ", was " + actual.name().toLowerCase(Locale.ROOT));
    return false;
  }

  final boolean allowed(Set<String> allowed, String text, int record, ErrorSink sink) {
    if (allowed != null && !allowed.contains(text)) {
      sink.add(record, name, "enum", "must be one of " + allowed);
      return false;
    }
    return true;
  }

  static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /** Strings: length bounds, pattern, allowed values. */
  static final class Text extends FieldRule {
    private final int minLength;
    private final int maxLength;
    private final Pattern pattern;
    private final Predicate<String> matcher;
    private final Set<String> allowed;

    Text(
        String name,
        boolean required,
        int minLength,
        int maxLength,
        Pattern pattern,
        Set<String> allowed) {
      super(name, required);
      this.minLength = minLength;
      this.maxLength = maxLength;
      this.pattern = pattern;
      this.allowed = allowed;
      this.matcher =
          pattern == null
              ? null
              : LinearPattern.compile(pattern.pattern())
                  .<Predicate<String>>map(linear -> linear)
                  .orElseGet(() -> regex(pattern));
    }

    /** java.util.regex with one reusable Matcher per thread. */
    private static Predicate<String> regex(Pattern pattern) {
      ThreadLocal<Matcher> matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
      return text -> matchers.get().reset(text).find();
    }

    @Override
    boolean checkPresent(JsonNode value, JsonNodeType type, int record, ErrorSink sink) {
      if (type != JsonNodeType.STRING) {
        return typeError(record, sink, "a string", type);
      }
      String text = value.textValue();
      int length = text.length();
      if (length < minLength) {
        sink.add(record, name, "minLength", "must have at least " + minLength + " characters");
        return false;
      }
      if (length > maxLength) {
        sink.add(record, name, "maxLength", "must have at most " + maxLength + " characters");
        return false;
      }
      if (matcher != null && !matcher.test(text)) {
        sink.add(record, name, "pattern", "must match " + pattern.pattern());
        return false;
      }
      return allowed(allowed, text, record, sink);
    }
  }

  /** Numbers (integer-only when {@code integer}): range and allowed values. */
  static final class Numeric extends FieldRule {
    private final boolean integer;
    private final double minimum;
    private final boolean exclusiveMinimum;
    private final double maximum;
    private final boolean exclusiveMaximum;
    private final Set<String> allowed;

    Numeric(
        String name,
        boolean required,
        boolean integer,
        double minimum,
        boolean exclusiveMinimum,
        double maximum,
        boolean exclusiveMaximum,
        Set<String> allowed) {
      super(name, required);
      this.integer = integer;
      this.minimum = minimum;
      this.exclusiveMinimum = exclusiveMinimum;
      this.maximum = maximum;
      this.exclusiveMaximum = exclusiveMaximum;
      this.allowed = allowed;
    }

    @Override
    boolean checkPresent(JsonNode value, JsonNodeType type, int record, ErrorSink sink) {
      if (type != JsonNodeType.NUMBER) {
        return typeError(record, sink, integer ? "an integer" : "a number", type);
      }
      double number = value.doubleValue();
      if (integer && !value.isIntegralNumber() && number != Math.rint(number)) {
        return typeError(record, sink, "an integer", type);
      }
      if (exclusiveMinimum ? number <= minimum : number < minimum) {
        sink.add(
            record,
            name,
            "minimum",
            "must be " + (exclusiveMinimum ? "> " : ">= ") + plain(minimum));
        return false;
      }
      if (exclusiveMaximum ? number >= maximum : number > maximum) {
        sink.add(
            record,
            name,
            "maximum",
            "must be " + (exclusiveMaximum ? "< " : "<= ") + plain(maximum));
        return false;
      }
      return allowed == null || allowed(allowed, value.asText(), record, sink);
    }
  }

  /** Dates, times and timestamps as ISO-8601 strings. */
  static final class Temporal extends FieldRule {
    enum Kind {
      DATE("a date (yyyy-MM-dd)"),
      TIME("a time (HH:mm:ss)"),
      TIMESTAMP("an ISO-8601 timestamp");

      final String expected;

      Kind(String expected) {
        this.expected = expected;
      }
    }

    private final Kind kind;

    Temporal(String name, boolean required, Kind kind) {
      super(name, required);
      this.kind = kind;
    }

    @Override
    boolean checkPresent(JsonNode value, JsonNodeType type, int record, ErrorSink sink) {
      if (type == JsonNodeType.STRING) {
        String text = value.textValue();
        boolean valid =
            switch (kind) {
              case DATE -> Iso8601.isDate(text);
              case TIME -> Iso8601.isTime(text);
              case TIMESTAMP -> Iso8601.isTimestamp(text);
            };
        if (valid) {
          return true;
        }
      }
      return typeError(record, sink, kind.expected, type);
    }
  }

  /** Booleans, objects, arrays: the JSON type only. Any: allowed values only. */
  static final class Shape extends FieldRule {
    private final JsonNodeType expected;
    private final String description;
    private final Set<String> allowed;

    Shape(
        String name,
        boolean required,
        JsonNodeType expected,
        String description,
        Set<String> allowed) {
      super(name, required);
      this.expected = expected;
      this.description = description;
      this.allowed = allowed;
    }

    @Override
    boolean checkPresent(JsonNode value, JsonNodeType type, int record, ErrorSink sink) {
      if (expected != null && type != expected) {
        return typeError(record, sink, description, type);
      }
      return allowed == null || allowed(allowed, value.asText(), record, sink);
    }
  }
}
