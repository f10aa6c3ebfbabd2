package io.meshwork.catalog.product.spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column types a product's schema may name: {@code string}, {@code integer}, {@code bigint},
 * {@code decimal(p,s)}, {@code number}, {@code boolean}, {@code date}, {@code timestamp}, {@code
 * time}, {@code uuid}, {@code json}, {@code bytes}, and the common aliases of these.
 */
public final class FieldTypes {

  /** The canonical names, each with what kind of constraints it takes. */
  public enum Kind {
    TEXT,
    NUMBER,
    TEMPORAL,
    OTHER
  }

  public static final List<String> NAMES =
      List.of(
          "string",
          "integer",
          "bigint",
          "decimal(p,s)",
          "number",
          "boolean",
          "date",
          "timestamp",
          "time",
          "uuid",
          "json",
          "bytes");

  private static final Pattern DECIMAL =
      Pattern.compile("^(?:decimal|numeric)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)$");

  private FieldTypes() {}

  /** The canonical name of a type as written, or why it is not one. */
  public static Optional<String> canonical(String type) {
    if (type == null) {
      return Optional.empty();
    }
    String t = type.strip().toLowerCase(Locale.ROOT);
    Matcher decimal = DECIMAL.matcher(t);
    if (decimal.matches()) {
      int precision = Integer.parseInt(decimal.group(1));
      int scale = decimal.group(2) == null ? 0 : Integer.parseInt(decimal.group(2));
      return precision >= 1 && precision <= 38 && scale <= precision
          ? Optional.of("decimal(" + precision + "," + scale + ")")
          : Optional.empty();
    }
    return Optional.ofNullable(
        switch (t) {
          case "string", "text", "varchar" -> "string";
          case "integer", "int", "int32" -> "integer";
          case "bigint", "long", "int64" -> "bigint";
          case "decimal", "numeric" -> "decimal(38,0)";
          case "number", "double", "float" -> "number";
          case "boolean", "bool" -> "boolean";
          case "date" -> "date";
          case "timestamp", "datetime", "timestamptz" -> "timestamp";
          case "time" -> "time";
          case "uuid" -> "uuid";
          case "json", "object" -> "json";
          case "bytes", "binary" -> "bytes";
          default -> null;
        });
  }

  public static Kind kindOf(String canonical) {
    if (canonical.equals("string") || canonical.equals("uuid")) {
      return Kind.TEXT;
    }
    if (canonical.startsWith("decimal")
        || canonical.equals("integer")
        || canonical.equals("bigint")
        || canonical.equals("number")) {
      return Kind.NUMBER;
    }
    if (canonical.equals("date") || canonical.equals("timestamp") || canonical.equals("time")) {
      return Kind.TEMPORAL;
    }
    return Kind.OTHER;
  }
}
