package io.meshwork.provisioning.storage;

import io.meshwork.provisioning.schema.FieldSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** Looks at the warehouse's catalog: what exists of a dataset's schema, table and roles. */
final class PostgresCatalog {

  private PostgresCatalog() {}

  /** What exists before the DDL: the schema, the table, which of the roles. */
  record Look(boolean schemaExists, boolean tableExists, Set<String> roles) {}

  /**
   * Whether the schema and the table exist already and which of the roles exist, in one round trip.
   * Patterns are tried too, so that one PostgreSQL cannot run is named here.
   */
  static Look look(
      Connection connection, String schema, ProvisioningContext context, List<String> roles)
      throws SQLException {
    List<String> patterns =
        context.fields().stream().map(FieldSpec::pattern).filter(p -> p != null).toList();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?),"
                + " EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ?),"
                + " ARRAY(SELECT rolname::text FROM pg_catalog.pg_roles WHERE rolname = ANY(?::text[])),"
                + " (SELECT count(*) FROM unnest(?::text[]) AS p(v) WHERE '' ~ p.v)")) {
      query.setString(1, schema);
      query.setString(2, schema);
      query.setString(3, context.name());
      query.setArray(4, connection.createArrayOf("text", roles.toArray()));
      query.setArray(5, connection.createArrayOf("text", patterns.toArray()));
      try (ResultSet result = query.executeQuery()) {
        result.next();
        Set<String> existing = Set.of((String[]) result.getArray(3).getArray());
        return new Look(result.getBoolean(1), result.getBoolean(2), existing);
      }
    } catch (SQLException e) {
      if ("2201B".equals(e.getSQLState())) {
        checkPatterns(connection, context.fields()); // names the field whose pattern failed
      }
      throw e;
    }
  }

  /** Tries each field's pattern alone; the first PostgreSQL cannot run fails, naming its field. */
  static void checkPatterns(Connection connection, List<FieldSpec> fields) {
    for (FieldSpec field : fields) {
      if (field.pattern() == null) {
        continue;
      }
      try (PreparedStatement check = connection.prepareStatement("SELECT '' ~ ?")) {
        check.setString(1, field.pattern());
        check.executeQuery().close();
      } catch (SQLException e) {
        throw new ProvisioningFailure(
            "the pattern of field " + field.name() + " is not a PostgreSQL regular expression", e);
      }
    }
  }

  static boolean roleExists(Connection connection, String role) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      query.setString(1, role);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }
}
