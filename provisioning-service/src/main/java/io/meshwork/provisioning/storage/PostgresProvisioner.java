package io.meshwork.provisioning.storage;

import io.meshwork.provisioning.config.ProvisioningConfig;
import io.meshwork.provisioning.dataset.Identifiers;
import io.meshwork.provisioning.schema.FieldSpec;
import io.meshwork.provisioning.work.TransientFailure;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * A table per dataset in a schema per domain, with columns, NOT NULL, PRIMARY KEY and CHECK
 * constraints from the dataset's schema; an owner role per domain and a read-only role per dataset.
 * All DDL of one dataset runs in one transaction (PostgreSQL DDL is transactional), so a failure
 * leaves nothing behind, and is sent in one round trip (after a look at the catalog only when the
 * usual case does not hold): what a remote warehouse costs per dataset is a network round trip or
 * two, not one per statement. Identifiers are validated and quoted; literals are quoted by the
 * driver for the server at hand, never pasted.
 */
@ApplicationScoped
public class PostgresProvisioner implements Provisioner {

  private static final Logger LOG = Logger.getLogger(PostgresProvisioner.class);

  /** Connection and lock errors, serialization failures, duplicate catalog entries from races. */
  private static final Set<String> TRANSIENT_STATES =
      Set.of(
          "08000", "08001", "08003", "08004", "08006", "40001", "40P01", "55P03", "57P01", "23505",
          "42P06", "42710");

  private final ProvisioningConfig.Postgres config;
  private final WarehouseConnections connections;

  /** database/schema/owner of schemas this instance made a table in: both exist, most likely. */
  private final Set<String> preparedSchemas = ConcurrentHashMap.newKeySet();

  public PostgresProvisioner(ProvisioningConfig config, WarehouseConnections connections) {
    this.config = config.postgres();
    this.connections = connections;
  }

  void createAllowedDatabases(@Observes StartupEvent event) {
    try (Connection connection = connectDirectly("postgres")) {
      for (String database : config.allowedDatabases()) {
        if (Identifiers.problem(database) != null) {
          throw new IllegalStateException(
              "Allowed database '" + database + "' is not a safe identifier");
        }
        try (PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
          query.setString(1, database);
          try (ResultSet exists = query.executeQuery()) {
            if (exists.next()) {
              continue;
            }
          }
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE DATABASE " + Identifiers.quote(database));
        } catch (SQLException e) {
          if (!"42P04".equals(e.getSQLState())) {
            throw e;
          }
        }
      }
    } catch (SQLException e) {
      LOG.warnf(
          "Cannot prepare the warehouse databases %s yet: %s",
          config.allowedDatabases(), e.getMessage());
    }
  }

  @Override
  public boolean supports(StorageTarget target) {
    return target instanceof StorageTarget.Postgres;
  }

  @Override
  public List<ResourceLedger.Planned> plan(ProvisioningContext context) {
    StorageTarget.Postgres target = (StorageTarget.Postgres) context.target();
    String reader = readerRole(context.domain(), context.name());
    return List.of(
        new ResourceLedger.Planned(
            ResourceKind.POSTGRES_TABLE,
            qualified(target, context.name()),
            tableUri(target, context.name())),
        new ResourceLedger.Planned(
            ResourceKind.POSTGRES_ROLE, reader, "postgres-role://" + reader));
  }

  /**
   * A new dataset's DDL goes out at once, in one round trip, assuming the usual: its table and
   * reader role do not exist, and its schema and the domain's owner role exist if this instance
   * made a table in that schema before. If that turns out wrong, nothing was made (the statements
   * run in one transaction) and the DDL is sent again after a look at the catalog, as it is for
   * resumed work, where the table may already exist and be ours.
   */
  @Override
  public void provision(
      ProvisioningContext context, List<ResourceLedger.Intent> intents, ResourceLedger ledger) {
    StorageTarget.Postgres target = (StorageTarget.Postgres) context.target();
    String table = qualified(target, context.name());
    String reader = readerRole(context.domain(), context.name());
    String owner = context.domain() + "_owner";
    String schemaKey = target.database() + "/" + target.schema() + "/" + owner;
    ResourceLedger.Intent intent = ResourceLedger.intentOf(intents, ResourceKind.POSTGRES_TABLE);
    try (Connection connection = connections.connect(target.database())) {
      Map<String, String> literals = literals(connection, target.schema(), context);
      if (!intent.notedEarlier()) {
        boolean prepared = preparedSchemas.contains(schemaKey);
        try {
          execute(
              connection,
              script(
                  context,
                  target,
                  literals,
                  new Look(prepared, false, prepared ? Set.of(owner) : Set.of())));
          preparedSchemas.add(schemaKey);
          return;
        } catch (SQLException e) {
          preparedSchemas.remove(schemaKey);
          LOG.debugf("DDL of %s sent at once failed, looking first: %s", table, e.getMessage());
        }
      }
      Look look = look(connection, target.schema(), context, List.of(owner, reader));
      if (!intent.notedEarlier() && look.tableExists()) {
        ledger.forget(
            context.datasetId(), intents.stream().map(ResourceLedger.Intent::resource).toList());
        throw new ProvisioningFailure(
            "table " + table + " already exists and was not created for this dataset", null);
      }
      execute(connection, script(context, target, literals, look));
      preparedSchemas.add(schemaKey);
    } catch (SQLException e) {
      throw failure("provisioning table " + table, e);
    }
  }

  /**
   * Sends the statements together: one round trip, one transaction (PostgreSQL DDL is
   * transactional).
   */
  private static void execute(Connection connection, List<String> script) throws SQLException {
    // In auto-commit mode the statements of one execute run as one implicit transaction: all of
    // them, or none.
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(String.join(";\n", script));
    }
  }

  /**
   * The DDL of one dataset, given what exists. Statements on the shared schema (its grants, and
   * making it or the domain's owner role) collide across sessions ("tuple concurrently updated"),
   * so they run one dataset at a time under a lock on the schema's name, held to the commit. When
   * schema and owner role exist already, the lock is taken only for the grants at the end: the
   * datasets of a burst make their tables side by side. Patterns are tried first: PostgreSQL
   * compiles a CHECK's regular expression only when a row is written, so one it cannot run must
   * fail here rather than every insert later.
   */
  private static List<String> script(
      ProvisioningContext context,
      StorageTarget.Postgres target,
      Map<String, String> literals,
      Look look) {
    String table = qualified(target, context.name());
    String reader = readerRole(context.domain(), context.name());
    String owner = context.domain() + "_owner";
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

  /** What exists before the DDL: the schema, the table, which of the roles. */
  private record Look(boolean schemaExists, boolean tableExists, Set<String> roles) {}

  /**
   * Whether the schema and the table exist already and which of the roles exist, in one round trip.
   * Patterns are tried too, so that one PostgreSQL cannot run is named here.
   */
  private static Look look(
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

  /**
   * Every value the DDL needs as a literal (enum values, patterns, the comment, the schema lock's
   * name), quoted by the driver for this server ({@code PGConnection.escapeLiteral}: quotes
   * doubled, and backslashes too where the server does not take strings as written; a NUL byte is
   * refused). DDL cannot take bound parameters; nothing else reaches it but validated, quoted
   * identifiers.
   */
  private static Map<String, String> literals(
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
        definition
            .append(" CHECK (")
            .append(column)
            .append(" >= ")
            .append(number(field.minimum()))
            .append(")");
      }
      if (field.maximum() != null) {
        definition
            .append(" CHECK (")
            .append(column)
            .append(" <= ")
            .append(number(field.maximum()))
            .append(")");
      }
      if (!field.allowedValues().isEmpty()) {
        definition
            .append(" CHECK (")
            .append(column)
            .append("::text IN (")
            .append(String.join(", ", field.allowedValues().stream().map(literals::get).toList()))
            .append("))");
      }
      if (field.pattern() != null) {
        definition
            .append(" CHECK (")
            .append(column)
            .append("::text ~ ")
            .append(literals.get(field.pattern()))
            .append(")");
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

  private static String lockName(String schema) {
    return "meshwork.schema:" + schema;
  }

  /** A transaction-scoped advisory lock on the schema's name, released at commit or rollback. */
  private static void lockSchema(Connection connection, String schema) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, lockName(schema));
      lock.executeQuery().close();
    }
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.debugf("Rollback failed: %s", e.getMessage());
    }
  }

  private static void checkPatterns(Connection connection, List<FieldSpec> fields)
      throws SQLException {
    for (FieldSpec field : fields) {
      if (field.pattern() == null) {
        continue;
      }
      try (PreparedStatement check = connection.prepareStatement("SELECT '' ~ ?")) {
        check.setString(1, field.pattern());
        check.executeQuery().close();
      } catch (SQLException e) {
        throw new SQLException(
            "the pattern of field "
                + field.name()
                + " is not a PostgreSQL regular expression: "
                + e.getMessage(),
            e.getSQLState(),
            e);
      }
    }
  }

  @Override
  public void deprovision(ProvisioningContext context, ResourceLedger ledger, boolean retain) {
    StorageTarget.Postgres target = (StorageTarget.Postgres) context.target();
    String table = qualified(target, context.name());
    String reader = readerRole(context.domain(), context.name());
    if (!ledger.owns(context.datasetId(), ResourceKind.POSTGRES_TABLE, table)) {
      return;
    }
    List<ResourceLedger.Planned> resources =
        List.of(
            new ResourceLedger.Planned(ResourceKind.POSTGRES_TABLE, table, null),
            new ResourceLedger.Planned(ResourceKind.POSTGRES_ROLE, reader, null));
    if (retain) {
      ledger.mark(context.datasetId(), resources, ResourceStatus.DETACHED);
      return;
    }
    try (Connection connection = connections.connect(target.database())) {
      connection.setAutoCommit(false);
      try (Statement ddl = connection.createStatement()) {
        lockSchema(connection, target.schema());
        ddl.execute("DROP TABLE IF EXISTS " + table);
        if (roleExists(connection, reader)) {
          ddl.execute(
              "REVOKE ALL ON SCHEMA "
                  + Identifiers.quote(target.schema())
                  + " FROM "
                  + Identifiers.quote(reader));
          ddl.execute("DROP ROLE " + Identifiers.quote(reader));
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(connection);
        throw e;
      }
    } catch (SQLException e) {
      if ("3F000".equals(e.getSQLState())) {
        LOG.debugf("Schema of %s is already gone", table);
      } else {
        throw failure("removing table " + table, e);
      }
    }
    ledger.mark(context.datasetId(), resources, ResourceStatus.DELETED);
  }

  @Override
  public List<DriftFinding> verify(ProvisioningContext context, ResourceLedger ledger) {
    StorageTarget.Postgres target = (StorageTarget.Postgres) context.target();
    String table = qualified(target, context.name());
    List<DriftFinding> findings = new ArrayList<>();
    Map<String, String[]> actual = new LinkedHashMap<>();
    try (Connection connection = connections.connect(target.database());
        PreparedStatement query =
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
      if (actual.isEmpty()) {
        findings.add(new DriftFinding(table, "table is missing"));
        return findings;
      }
      if (!roleExists(connection, readerRole(context.domain(), context.name()))) {
        findings.add(
            new DriftFinding(
                readerRole(context.domain(), context.name()), "read-only role is missing"));
      }
    } catch (SQLException e) {
      throw failure("checking table " + table, e);
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

  static String qualified(StorageTarget.Postgres target, String name) {
    return Identifiers.quote(target.schema()) + "." + Identifiers.quote(name);
  }

  static String tableUri(StorageTarget.Postgres target, String name) {
    return "postgres://" + target.database() + "/" + target.schema() + "/" + name;
  }

  /** {@code <domain>_<name>_reader}, shortened with a hash to PostgreSQL's 63 characters. */
  static String readerRole(String domain, String name) {
    String role = domain + "_" + name + "_reader";
    if (role.length() <= 63) {
      return role;
    }
    try {
      String hash =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(role.getBytes(StandardCharsets.UTF_8)))
              .substring(0, 10);
      return role.substring(0, 63 - 18) + "_" + hash + "_reader";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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

  private static String createRole(String role) {
    if (role.contains("$")) {
      throw new IllegalArgumentException("not a checked role name: " + role);
    }
    return "CREATE ROLE " + Identifiers.quote(role) + " NOLOGIN";
  }

  private static boolean roleExists(Connection connection, String role) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      query.setString(1, role);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }

  private static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a finite bound: " + value);
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  /** A connection outside the pools, for the one-off work at startup. */
  private Connection connectDirectly(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", config.username());
    config.password().ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(withDatabase(config.serverUrl(), database), properties);
  }

  /** jdbc:postgresql://host:port/anything?x=y -> jdbc:postgresql://host:port/<database> */
  static String withDatabase(String serverUrl, String database) {
    String base =
        serverUrl.contains("?") ? serverUrl.substring(0, serverUrl.indexOf('?')) : serverUrl;
    int slash = base.indexOf('/', "jdbc:postgresql://".length());
    return (slash < 0 ? base : base.substring(0, slash)) + "/" + database;
  }

  private static RuntimeException failure(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    // "tuple concurrently updated" (XX000): two sessions changed one catalog row; try again.
    if (TRANSIENT_STATES.contains(state)
        || ("XX000".equals(state) && String.valueOf(e.getMessage()).contains("concurrently"))) {
      return new TransientFailure(what + ": " + e.getMessage(), e);
    }
    return new ProvisioningFailure(
        what + " failed: " + e.getMessage().lines().findFirst().orElse(""), e);
  }
}
