package io.meshwork.provisioning.storage;

import static io.meshwork.provisioning.storage.PostgresNames.qualified;
import static io.meshwork.provisioning.storage.PostgresNames.readerRole;

import io.meshwork.provisioning.schema.FieldSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a dataset's table differs from what was provisioned: missing table, role or columns, changed
 * types, a lost NOT NULL, columns added by hand.
 */
final class PostgresDrift {

  private PostgresDrift() {}

  static List<DriftFinding> findings(
      Connection connection, StorageTarget.Postgres target, ProvisioningContext context)
      throws SQLException {
    String table = qualified(target, context.name());
    List<DriftFinding> findings = new ArrayList<>();
    Map<String, String[]> actual = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      query.setString(1, target.schema());
      query.setString(2, context.name());
      try (ResultSet columns = query.executeQuery()) {
        while (columns.next()) {
          actual.put(
              columns.getString(1), new String[] {columns.getString(2), columns.getString(3)});
        }
      }
    }
    if (actual.isEmpty()) {
      findings.add(new DriftFinding(table, "table is missing"));
      return findings;
    }
    String reader = readerRole(context.domain(), context.name());
    if (!PostgresCatalog.roleExists(connection, reader)) {
      findings.add(new DriftFinding(reader, "read-only role is missing"));
    }
    for (FieldSpec field : context.fields()) {
      String[] column = actual.remove(field.name());
      if (column == null) {
        findings.add(new DriftFinding(table, "column " + field.name() + " is missing"));
        continue;
      }
      if (!sameType(field, column[0])) {
        findings.add(
            new DriftFinding(
                table,
                "column " + field.name() + " is " + column[0] + ", expected " + field.sqlType()));
      }
      if (field.required() && "YES".equals(column[1])) {
        findings.add(new DriftFinding(table, "column " + field.name() + " lost its NOT NULL"));
      }
    }
    actual
        .keySet()
        .forEach(
            extra ->
                findings.add(new DriftFinding(table, "column " + extra + " was added by hand")));
    return findings;
  }

  private static boolean sameType(FieldSpec field, String dataType) {
    String expected =
        switch (field.type()) {
          case STRING -> field.maxLength() != null ? "character varying" : "text";
          case INTEGER -> "integer";
          case BIGINT -> "bigint";
          case DOUBLE -> "double precision";
          case DECIMAL -> "numeric";
          case BOOLEAN -> "boolean";
          case DATE -> "date";
          case TIMESTAMP -> "timestamp with time zone";
          case TIME -> "time without time zone";
          case BYTES -> "bytea";
          case UUID -> "uuid";
          case JSON -> "jsonb";
        };
    return expected.equals(dataType.toLowerCase(Locale.ROOT));
  }
}
