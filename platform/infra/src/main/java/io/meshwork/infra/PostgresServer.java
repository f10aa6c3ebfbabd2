package io.meshwork.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL from the zonky binaries on Maven Central, bound to loopback only. */
final class PostgresServer implements Server {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

  /** Databases every profile gets: the services' shared database and Keycloak's. */
  static final List<String> DATABASES = List.of("meshwork", "keycloak");

  private final Path dataDir;
  private final Path workDir;
  private final int port;
  private final boolean ephemeral;
  private EmbeddedPostgres postgres;

  PostgresServer(Path dataDir, Path workDir, int port, boolean ephemeral) {
    this.dataDir = dataDir;
    this.workDir = workDir;
    this.port = port;
    this.ephemeral = ephemeral;
  }

  @Override
  public Component component() {
    return Component.POSTGRES;
  }

  @Override
  public void start(InfraState state) throws Exception {
    stopOrphan(dataDir);
    Files.createDirectories(workDir);
    System.setProperty("ot.epg.working-dir", workDir.toString());
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "300")
            .setServerConfig("shared_buffers", "128MB");
    if (ephemeral) {
      // Test data is thrown away: trade durability for speed.
      builder.setServerConfig("fsync", "off");
      builder.setServerConfig("synchronous_commit", "off");
      builder.setServerConfig("full_page_writes", "off");
    }
    postgres = builder.start();
    try (Connection connection = connect("postgres")) {
      for (String database : DATABASES) {
        createDatabaseIfMissing(connection, database);
      }
    }
    state
        .put("postgres.port", Integer.toString(port))
        .put("postgres.host", "127.0.0.1")
        .put("postgres.user", "postgres")
        .put("postgres.jdbc-url", jdbcUrl("meshwork"))
        .put("postgres.data-dir", dataDir.toString());
  }

  private String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
  }

  private static void createDatabaseIfMissing(Connection connection, String database)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, database);
      try (ResultSet existing = query.executeQuery()) {
        if (existing.next()) {
          return;
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      // Names come from DATABASES above, never from input.
      statement.execute("CREATE DATABASE \"" + database + "\"");
    }
  }

  /** A postmaster left behind by a killed supervisor still holds the data dir: stop it first. */
  static void stopOrphan(Path dataDir) throws Exception {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
    if (firstLine.isEmpty()) {
      return;
    }
    long pid = Long.parseLong(firstLine);
    var handle = ProcessHandle.of(pid);
    if (handle.isPresent() && handle.get().isAlive()) {
      LOG.warn("Stopping orphaned PostgreSQL (pid {}) left by an earlier run", pid);
      // SIGINT is PostgreSQL's "fast shutdown": roll back sessions, checkpoint, exit.
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      handle.get().onExit().get(30, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.warn("PostgreSQL did not stop cleanly", e);
      }
    }
  }
}
