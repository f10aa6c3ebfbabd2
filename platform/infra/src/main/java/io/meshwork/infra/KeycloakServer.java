package io.meshwork.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak from its distribution zip, built once for PostgreSQL ({@code kc.sh build}) and then
 * started {@code --optimized}, importing the Meshwork realm from {@code deploy/keycloak}.
 */
final class KeycloakServer implements Server {

  private static final Logger LOG = LoggerFactory.getLogger(KeycloakServer.class);
  static final String REALM = "meshwork";
  private static final List<String> BUILD_OPTIONS =
      List.of("--db=postgres", "--health-enabled=true", "--metrics-enabled=true");

  private final Distributions distributions;
  private final Path realmFile;
  private final Path logDir;
  private final int port;
  private final int managementPort;
  private final int postgresPort;
  private final Secrets secrets;
  private final boolean fastStart;
  private ChildProcess process;

  KeycloakServer(
      Distributions distributions,
      Path realmFile,
      Path logDir,
      InfraPorts ports,
      Secrets secrets,
      boolean fastStart) {
    this.distributions = distributions;
    this.realmFile = realmFile;
    this.logDir = logDir;
    this.port = ports.keycloak();
    this.managementPort = ports.keycloakManagement();
    this.postgresPort = ports.postgres();
    this.secrets = secrets;
    this.fastStart = fastStart;
  }

  @Override
  public Component component() {
    return Component.KEYCLOAK;
  }

  @Override
  public void start(InfraState state) throws Exception {
    Path home = distributions.keycloakHome();
    buildOnce(home);
    Path importDir = home.resolve("data/import");
    Files.createDirectories(importDir);
    Files.copy(
        realmFile, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);

    String url = "http://127.0.0.1:" + port;
    ProcessBuilder builder =
        new ProcessBuilder(
            home.resolve("bin/kc.sh").toString(),
            "start",
            "--optimized",
            "--http-enabled=true",
            "--http-host=127.0.0.1",
            "--http-port=" + port,
            "--http-management-port=" + managementPort,
            "--hostname=" + url,
            "--import-realm",
            "--db-url=jdbc:postgresql://127.0.0.1:" + postgresPort + "/keycloak",
            "--db-username=postgres",
            "--db-password=unused");
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.get("keycloak.admin-password"));
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
    if (fastStart) {
      // Test runs care about start time, not peak throughput.
      env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
    }
    env.putAll(secrets.realmPlaceholders());
    env.putIfAbsent("MESHWORK_DEMO_PASSWORD", "meshwork");
    process = ChildProcess.start("Keycloak", builder, logDir.resolve("keycloak.log"));
    state.put("keycloak.pid", Long.toString(process.pid()));
    process.awaitHttpOk(
        "http://127.0.0.1:" + managementPort + "/health/ready", Duration.ofMinutes(4));
    String realmUrl = url + "/realms/" + REALM;
    process.awaitHttpOk(realmUrl + "/.well-known/openid-configuration", Duration.ofMinutes(1));
    state
        .put("keycloak.url", url)
        .put("keycloak.realm-url", realmUrl)
        .put("keycloak.token-url", realmUrl + "/protocol/openid-connect/token");
  }

  private void buildOnce(Path home) throws Exception {
    Path marker = home.resolve(".meshwork-build");
    String wanted = String.join(" ", BUILD_OPTIONS);
    if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
      return;
    }
    try (Distributions.Lock ignored = distributions.lock()) {
      if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
        return;
      }
      LOG.info("Building Keycloak for PostgreSQL once (~35 s)");
      List<String> command = new ArrayList<>();
      command.add(home.resolve("bin/kc.sh").toString());
      command.add("build");
      command.addAll(BUILD_OPTIONS);
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      ChildProcess build =
          ChildProcess.start("Keycloak build", builder, logDir.resolve("keycloak-build.log"));
      int exit = build.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "kc.sh build failed (" + exit + "); see " + logDir.resolve("keycloak-build.log"));
      }
      Files.writeString(marker, wanted);
    }
  }

  @Override
  public boolean alive() {
    return process == null || process.alive();
  }

  @Override
  public void close() {
    if (process != null) {
      process.stop(Duration.ofSeconds(30));
    }
  }
}
