package io.meshwork.provisioning.common;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names that end up in SQL identifiers, Kafka topics and object keys: lower-case ASCII letters,
 * digits and '_' only, starting with a letter, at most 63 characters (PostgreSQL's limit), and not
 * an SQL reserved word. Validated before anything is stored; quoted wherever used.
 */
public final class Identifiers {

  public static final String SAFE_IDENTIFIER = "^[a-z][a-z0-9_]{0,62}$";
  public static final String SAFE_IDENTIFIER_MESSAGE =
      "must start with a lower-case letter and contain only a-z, 0-9 and '_' (at most 63 characters)";
  private static final Pattern SAFE = Pattern.compile(SAFE_IDENTIFIER);
  private static final Pattern COLUMN = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

  /** PostgreSQL's reserved key words (SQL:2016 reserved in PostgreSQL, appendix C). */
  public static final Set<String> RESERVED =
      Set.of(
          "all",
          "analyse",
          "analyze",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "asymmetric",
          "authorization",
          "binary",
          "both",
          "case",
          "cast",
          "check",
          "collate",
          "collation",
          "column",
          "concurrently",
          "constraint",
          "create",
          "cross",
          "current_catalog",
          "current_date",
          "current_role",
          "current_schema",
          "current_time",
          "current_timestamp",
          "current_user",
          "default",
          "deferrable",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "freeze",
          "from",
          "full",
          "grant",
          "group",
          "having",
          "ilike",
          "in",
          "initially",
          "inner",
          "intersect",
          "into",
          "is",
          "isnull",
          "join",
          "lateral",
          "leading",
          "left",
          "like",
          "limit",
          "localtime",
          "localtimestamp",
          "natural",
          "not",
          "notnull",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "outer",
          "overlaps",
          "placing",
          "primary",
          "references",
          "returning",
          "right",
          "select",
          "session_user",
          "similar",
          "some",
          "symmetric",
          "system_user",
          "table",
          "tablesample",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "user",
          "using",
          "variadic",
          "verbose",
          "when",
          "where",
          "window",
          "with");

  private Identifiers() {}

  /** Null when {@code value} is a safe identifier, else why not. */
  public static String problem(String value) {
    if (value == null || !SAFE.matcher(value).matches()) {
      return SAFE_IDENTIFIER_MESSAGE;
    }
    if (RESERVED.contains(value)) {
      return "'" + value + "' is an SQL reserved word";
    }
    return null;
  }

  /** Null when {@code value} is a usable column name, else why not. */
  public static String columnProblem(String value) {
    if (value == null || !COLUMN.matcher(value).matches()) {
      return "must be lower-case letters, digits and '_' (at most 63 characters, not starting with a digit)";
    }
    if (RESERVED.contains(value)) {
      return "'" + value + "' is an SQL reserved word";
    }
    return null;
  }

  /** Double-quotes an identifier already checked by {@link #problem} or {@link #columnProblem}. */
  public static String quote(String identifier) {
    if (identifier.indexOf('"') >= 0 || identifier.indexOf('\u0000') >= 0) {
      throw new IllegalArgumentException("not a checked identifier: " + identifier);
    }
    return "\"" + identifier + "\"";
  }
}
