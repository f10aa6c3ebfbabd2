package io.meshwork.provisioning.storage;

import static io.meshwork.provisioning.storage.PostgresNames.lockName;
import static io.meshwork.provisioning.storage.PostgresNames.ownerRole;
import static io.meshwork.provisioning.storage.PostgresNames.qualified;
import static io.meshwork.provisioning.storage.PostgresNames.readerRole;

import io.meshwork.provisioning.common.Identifiers;
import io.meshwork.provisioning.schema.FieldSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * The DDL of one dataset: its schema and owner role where missing, its table with columns and
 * constraints, its read-only role and the grants. Identifiers are validated and quoted; literals
 * are quoted by the driver for the server at hand, never pasted.
 */
final class PostgresDdl {

  private PostgresDdl() {}

  /**
   * The DDL of one dataset, given what exists. Statements on the shared schema (its grants, and
   * making it or the domain's owner role) collide across sessions ("tuple concurrently updated"),
   * so they run one dataset at a time under a lock on the schema's name, held to the commit. When
   * schema and owner role exist already, the lock is taken only for the grants at the end: the
   * datasets of a burst make their tables side by side. Patterns are tried first: PostgreSQL
   * compiles a CHECK's regular expression only when a row is written, so one it cannot run must
   * fail here rather than every insert later.
   */
  static List<String> script(
      ProvisioningContext context,
      StorageTarget.Postgres target,
      Map<String, String> literals,
      PostgresCatalog.Look look) {
    String table = qualified(target, context.name());
    String reader = readerRole(context.domain(), context.name());
    String owner = ownerRole(context.domain());
    String schema = Identifiers.quote(target.schema());
    String lock =
        "SELECT pg_advisory_xact_lock(hashtext(" + literals.get(lockName(target.schema())) + "))";
    boolean shared = look.schemaExists() && look.roles().contains(owner);
    List<String> script = new ArrayList<>();
    List<String> patterns =
        context.fields().stream()
            .map(FieldSpec::pattern)
            .filter(p -> p != null)
            .map(p -> "'' ~ " + literals.get(p))
            .toList();
    if (!patterns.isEmpty()) {
      script.add("SELECT " + String.join(", ", patterns));
    }
    if (!shared) {
      script.add(lock);
      script.add("CREATE SCHEMA IF NOT EXISTS " + schema);
      if (!look.roles().contains(owner)) {
        // Another dataset of a new domain may have made it since the look: it is seen here,
        // under the lock, and left as it is.
        script.add(
            "DO $$BEGIN "
                + createRole(owner)
                + "; EXCEPTION WHEN duplicate_object THEN NULL; END$$");
      }
    }
    // Resumed work may find its own table: then the rest is made around it. Otherwise a table
    // that exists (made since the look, or assumed missing) fails the script.
    script.add(createTable(table, context.fields(), literals, look.tableExists()));
    script.add("COMMENT ON TABLE " + table + " IS " + literals.get(comment(context)));
    if (!look.roles().contains(reader)) {
      script.add(createRole(reader));
    }
    script.add("GRANT SELECT ON " + table + " TO " + Identifiers.quote(reader));
    if (shared) {
      script.add(lock);
    }
    script.add("GRANT USAGE, CREATE ON SCHEMA " + schema + " TO " + Identifiers.quote(owner));
    script.add("GRANT USAGE ON SCHEMA " + schema + " TO " + Identifiers.quote(reader));
    // After the grant: a new owner needs CREATE on the schema.
    script.add("ALTER TABLE " + table + " OWNER TO " + Identifiers.quote(owner));
    return script;
  }

  /**
   * Every value the DDL needs as a literal (enum values, patterns, the comment, the schema lock's
   * name), quoted by the driver for this server ({@code PGConnection.escapeLiteral}: quotes
   * doubled, and backslashes too where the server does not take strings as written; a NUL byte is
   * refused). DDL cannot take bound parameters; nothing else reaches it but validated, quoted
   * identifiers.
   */
  static Map<String, String> literals(
      Connection connection, String schema, ProvisioningContext context) throws SQLException {
    PGConnection driver = connection.unwrap(PGConnection.class);
    Map<String, String> literals = new HashMap<>();
    for (String value : literalValues(schema, context)) {
      literals.put(value, "'" + driver.escapeLiteral(value) + "'");
    }
    return literals;
  }

  private static Set<String> literalValues(String schema, ProvisioningContext context) {
    Set<String> values = new LinkedHashSet<>();
    values.add(comment(context));
    values.add(lockName(schema));
    for (FieldSpec field : context.fields()) {
      values.addAll(field.allowedValues());
      if (field.pattern() != null) {
        values.add(field.pattern());
      }
    }
    return values;
  }

  /** CREATE TABLE with columns and constraints, from validated names and quoted literals. */
  static String createTable(
      String table, List<FieldSpec> fields, Map<String, String> literals, boolean ifNotExists) {
    List<String> parts = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (FieldSpec field : fields) {
      String column = Identifiers.quote(field.name());
      StringBuilder definition = new StringBuilder(column).append(' ').append(field.sqlType());
      if (field.required()) {
        definition.append(" NOT NULL");
      }
      if (field.minimum() != null) {
        definition.append(check(column + " >= " + number(field.minimum())));
      }
      if (field.maximum() != null) {
        definition.append(check(column + " <= " + number(field.maximum())));
      }
      if (!field.allowedValues().isEmpty()) {
        String values =
            String.join(", ", field.allowedValues().stream().map(literals::get).toList());
        definition.append(check(column + "::text IN (" + values + ")"));
      }
      if (field.pattern() != null) {
        definition.append(check(column + "::text ~ " + literals.get(field.pattern())));
      }
      parts.add(definition.toString());
      if (field.primaryKey()) {
        keys.add(column);
      }
    }
    if (!keys.isEmpty()) {
      parts.add("PRIMARY KEY (" + String.join(", ", keys) + ")");
    }
    return (ifNotExists ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ")
        + table
        + " (\n  "
        + String.join(",\n  ", parts)
        + "\n)";
  }

  private static String check(String condition) {
    return " CHECK (" + condition + ")";
  }

  static String createRole(String role) {
    if (role.contains("$")) {
      throw new IllegalArgumentException("not a checked role name: " + role);
    }
    return "CREATE ROLE " + Identifiers.quote(role) + " NOLOGIN";
  }

  private static String comment(ProvisioningContext context) {
    return "Meshwork dataset "
        + context.domain()
        + "/"
        + context.name()
        + "; owner "
        + context.owner()
        + "; classification "
        + context.classification()
        + (context.description() == null ? "" : "; " + context.description());
  }

  private static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a finite bound: " + value);
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
