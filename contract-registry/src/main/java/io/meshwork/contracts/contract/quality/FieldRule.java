package io.meshwork.contracts.contract.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One property's checks, compiled once from the contract: reads one value and reports what is wrong
 * with it. Kept free of allocation on the passing path; the gate runs it millions of times.
 */
final class FieldRule {

  enum Type {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    TIME,
    OBJECT,
    ARRAY,
    ANY
  }

  final String name;
  final boolean required;
  final Type type;
  final double minimum;
  final boolean exclusiveMinimum;
  final double maximum;
  final boolean exclusiveMaximum;
  final int minLength;
  final int maxLength;
  final Pattern pattern;
  final Set<String> allowed;

  FieldRule(
      String name,
      boolean required,
      Type type,
      double minimum,
      boolean exclusiveMinimum,
      double maximum,
      boolean exclusiveMaximum,
      int minLength,
      int maxLength,
      Pattern pattern,
      Set<String> allowed) {
    this.name = name;
    this.required = required;
    this.type = type;
    this.minimum = minimum;
    this.exclusiveMinimum = exclusiveMinimum;
    this.maximum = maximum;
    this.exclusiveMaximum = exclusiveMaximum;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.pattern = pattern;
    this.allowed = allowed;
  }

  /** Checks one record's value; returns false after reporting the first problem. */
  boolean check(JsonNode value, int record, ErrorSink sink) {
    if (value == null || value.isNull()) {
      if (required) {
        sink.add(record, name, "required", "is required");
        return false;
      }
      return true;
    }
    switch (type) {
      case STRING -> {
        if (!value.isTextual()) {
          return typeError(record, sink, "a string", value);
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
        if (pattern != null && !pattern.matcher(text).find()) {
          sink.add(record, name, "pattern", "must match " + pattern.pattern());
          return false;
        }
        return allowed(text, record, sink);
      }
      case INTEGER -> {
        if (!value.isIntegralNumber()
            && !(value.isFloatingPointNumber()
                && value.doubleValue() == Math.rint(value.doubleValue()))) {
          return typeError(record, sink, "an integer", value);
        }
        return range(value.doubleValue(), record, sink) && allowed(value.asText(), record, sink);
      }
      case NUMBER -> {
        if (!value.isNumber()) {
          return typeError(record, sink, "a number", value);
        }
        return range(value.doubleValue(), record, sink) && allowed(value.asText(), record, sink);
      }
      case BOOLEAN -> {
        return value.isBoolean() || typeError(record, sink, "true or false", value);
      }
      case DATE -> {
        return (value.isTextual() && Temporal.isDate(value.textValue()))
                && allowed(value.textValue(), record, sink)
            || typeError(record, sink, "a date (yyyy-MM-dd)", value);
      }
      case TIMESTAMP -> {
        return value.isTextual() && Temporal.isTimestamp(value.textValue())
            || typeError(record, sink, "an ISO-8601 timestamp", value);
      }
      case TIME -> {
        return value.isTextual() && Temporal.isTime(value.textValue())
            || typeError(record, sink, "a time (HH:mm:ss)", value);
      }
      case OBJECT -> {
        return value.isObject() || typeError(record, sink, "an object", value);
      }
      case ARRAY -> {
        return value.isArray() || typeError(record, sink, "a list", value);
      }
      default -> {
        return allowed(value.asText(), record, sink);
      }
    }
  }

  private boolean range(double number, int record, ErrorSink sink) {
    if (exclusiveMinimum ? number <= minimum : number < minimum) {
      sink.add(
          record, name, "minimum", "must be " + (exclusiveMinimum ? "> " : ">= ") + plain(minimum));
      return false;
    }
    if (exclusiveMaximum ? number >= maximum : number > maximum) {
      sink.add(
          record, name, "maximum", "must be " + (exclusiveMaximum ? "< " : "<= ") + plain(maximum));
      return false;
    }
    return true;
  }

  private boolean allowed(String text, int record, ErrorSink sink) {
    if (allowed != null && !allowed.contains(text)) {
      sink.add(record, name, "enum", "must be one of " + allowed);
      return false;
    }
    return true;
  }

  private boolean typeError(int record, ErrorSink sink, String expected, JsonNode value) {
    sink.add(
        record,
        name,
        "type",
        "must be " + expected + ", was " + value.getNodeType().name().toLowerCase(Locale.ROOT));
    return false;
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
