package io.meshwork.provisioning.storage;

import static io.meshwork.provisioning.storage.PostgresNames.lockName;
import static io.meshwork.provisioning.storage.PostgresNames.ownerRole;
import static io.meshwork.provisioning.storage.PostgresNames.qualified;
import static io.meshwork.provisioning.storage.PostgresNames.readerRole;
import static io.meshwork.provisioning.storage.PostgresNames.tableUri;

import io.meshwork.provisioning.common.Identifiers;
import io.meshwork.provisioning.common.TransientFailure;
import io.meshwork.provisioning.config.ProvisioningConfig;
import io.meshwork.web.problem.Incidents;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * A table per dataset in a schema per domain, with columns, NOT NULL, PRIMARY KEY and CHECK
 * constraints from the dataset's schema; an owner role per domain and a read-only role per dataset
 * ({@link PostgresDdl}). All DDL of one dataset runs in one transaction (PostgreSQL DDL is
 * transactional), so a failure leaves nothing behind, and is sent in one round trip (after a look
 * at the catalog, {@link PostgresCatalog}, only when the usual case does not hold): what a remote
 * warehouse costs per dataset is a network round trip or two, not one per statement.
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
    String owner = ownerRole(context.domain());
    String schemaKey = target.database() + "/" + target.schema() + "/" + owner;
    ResourceLedger.Intent intent = ResourceLedger.intentOf(intents, ResourceKind.POSTGRES_TABLE);
    try (Connection connection = connections.connect(target.database())) {
      Map<String, String> literals = PostgresDdl.literals(connection, target.schema(), context);
      if (!intent.notedEarlier()) {
        boolean prepared = preparedSchemas.contains(schemaKey);
        try {
          PostgresCatalog.Look assumed =
              new PostgresCatalog.Look(prepared, false, prepared ? Set.of(owner) : Set.of());
          execute(connection, PostgresDdl.script(context, target, literals, assumed));
          preparedSchemas.add(schemaKey);
          return;
        } catch (SQLException e) {
          preparedSchemas.remove(schemaKey);
          LOG.debugf("DDL of %s sent at once failed, looking first: %s", table, e.getMessage());
        }
      }
      PostgresCatalog.Look look =
          PostgresCatalog.look(connection, target.schema(), context, List.of(owner, reader));
      if (!intent.notedEarlier() && look.tableExists()) {
        ledger.forget(
            context.datasetId(), intents.stream().map(ResourceLedger.Intent::resource).toList());
        throw new ProvisioningFailure(
            "table " + table + " already exists and was not created for this dataset", null);
      }
      execute(connection, PostgresDdl.script(context, target, literals, look));
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
        if (PostgresCatalog.roleExists(connection, reader)) {
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
    try (Connection connection = connections.connect(target.database())) {
      return PostgresDrift.findings(connection, target, context);
    } catch (SQLException e) {
      throw failure("checking table " + qualified(target, context.name()), e);
    }
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

  /**
   * The failure as callers may read it: what was being done and whether the warehouse was away or
   * refused; the driver's message (hosts, SQL states, server text) stays in the log.
   */
  private static RuntimeException failure(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    // "tuple concurrently updated" (XX000): two sessions changed one catalog row; try again.
    if (TRANSIENT_STATES.contains(state)
        || ("XX000".equals(state) && String.valueOf(e.getMessage()).contains("concurrently"))) {
      return new TransientFailure(
          Incidents.record(LOG, what + ": the warehouse was unavailable or busy", e), e);
    }
    return new ProvisioningFailure(
        Incidents.record(LOG, what + " failed: the warehouse refused the change", e), e);
  }
}
