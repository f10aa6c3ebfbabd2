package io.meshwork.contracts.contract.quality;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
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

  /**
   * The same checks on a value as it is read: the parser stands on the value's first token, and is
   * left on its last. No tree is built.
   */
  final boolean check(JsonParser parser, JsonToken token, int record, ErrorSink sink)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return missing(record, sink);
    }
    return checkToken(parser, token, record, sink);
  }

  abstract boolean checkToken(JsonParser parser, JsonToken token, int record, ErrorSink sink)
      throws IOException;

  /** Required and absent: reported after the record's last field was read. */
  final boolean absent(int record, ErrorSink sink) {
    return missing(record, sink);
  }

  static JsonNodeType typeOf(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> JsonNodeType.OBJECT;
      case START_ARRAY -> JsonNodeType.ARRAY;
      case VALUE_STRING -> JsonNodeType.STRING;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonNodeType.NUMBER;
      case VALUE_TRUE, VALUE_FALSE -> JsonNodeType.BOOLEAN;
      case VALUE_NULL -> JsonNodeType.NULL;
      default -> JsonNodeType.MISSING;
    };
  }

  /** A mismatched type on a stream: skip the value (it may be a container) and report it. */
  final boolean tokenTypeError(
      JsonParser parser, JsonToken token, int record, ErrorSink sink, String expected)
      throws IOException {
    parser.skipChildren();
    return typeError(record, sink, expected, typeOf(token));
  }

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
      return checkText(value.textValue(), record, sink);
    }

    @Override
    boolean checkToken(JsonParser parser, JsonToken token, int record, ErrorSink sink)
        throws IOException {
      if (token != JsonToken.VALUE_STRING) {
        return tokenTypeError(parser, token, record, sink, "a string");
      }
      return checkText(parser.getText(), record, sink);
    }

    private boolean checkText(String text, int record, ErrorSink sink) {
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
      return checkNumber(
          value.doubleValue(),
          value.isIntegralNumber(),
          allowed == null ? null : value.asText(),
          record,
          sink);
    }

    @Override
    boolean checkToken(JsonParser parser, JsonToken token, int record, ErrorSink sink)
        throws IOException {
      if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
        return tokenTypeError(parser, token, record, sink, integer ? "an integer" : "a number");
      }
      return checkNumber(
          parser.getDoubleValue(),
          token == JsonToken.VALUE_NUMBER_INT,
          allowed == null ? null : parser.getText(),
          record,
          sink);
    }

    private boolean checkNumber(
        double number, boolean integral, String text, int record, ErrorSink sink) {
      if (integer && !integral && number != Math.rint(number)) {
        return typeError(record, sink, "an integer", JsonNodeType.NUMBER);
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
      return allowed == null || allowed(allowed, text, record, sink);
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
      if (type == JsonNodeType.STRING && valid(value.textValue())) {
        return true;
      }
      return typeError(record, sink, kind.expected, type);
    }

    @Override
    boolean checkToken(JsonParser parser, JsonToken token, int record, ErrorSink sink)
        throws IOException {
      if (token == JsonToken.VALUE_STRING && valid(parser.getText())) {
        return true;
      }
      return tokenTypeError(parser, token, record, sink, kind.expected);
    }

    private boolean valid(String text) {
      return switch (kind) {
        case DATE -> Iso8601.isDate(text);
        case TIME -> Iso8601.isTime(text);
        case TIMESTAMP -> Iso8601.isTimestamp(text);
      };
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

    @Override
    boolean checkToken(JsonParser parser, JsonToken token, int record, ErrorSink sink)
        throws IOException {
      JsonNodeType type = typeOf(token);
      if (expected != null && type != expected) {
        return tokenTypeError(parser, token, record, sink, description);
      }
      if (token.isStructStart()) {
        parser.skipChildren();
        return allowed == null;
      }
      return allowed == null || allowed(allowed, parser.getText(), record, sink);
    }
  }
}
