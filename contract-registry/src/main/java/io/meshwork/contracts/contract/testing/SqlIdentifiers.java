package io.meshwork.contracts.contract.testing;

import io.meshwork.web.problem.InvalidRequestException;
import java.util.regex.Pattern;

/** Identifiers from a contract that reach SQL: validated, then double-quoted; never raw. */
public final class SqlIdentifiers {

  private static final Pattern SAFE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,62}$");

  private SqlIdentifiers() {}

  /** {@code "schema"."table"}, each part checked as {@link #quoted} does. */
  public static String table(String schema, String schemaField, String table, String tableField) {
    return quoted(schema, schemaField) + "." + quoted(table, tableField);
  }

  public static String quoted(String identifier, String field) {
    if (identifier == null || !SAFE.matcher(identifier).matches()) {
      throw InvalidRequestException.ofField(
          "contracts.test.unsafe-identifier",
          field,
          "'" + identifier + "' is not a plain SQL identifier (letters, digits, '_'; at most 63)");
    }
    return "\"" + identifier + "\"";
  }
}
