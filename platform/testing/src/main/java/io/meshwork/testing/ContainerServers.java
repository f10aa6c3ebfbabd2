package io.meshwork.testing;

import io.meshwork.infra.Component;
import io.meshwork.infra.InfraState;
import io.meshwork.infra.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The test servers as containers (the {@code testcontainers} choice of {@link TestServers}):
 * PostgreSQL, Kafka with the SCRAM listener, Keycloak with the meshwork realm, and S3Proxy, in the
 * versions the project's own servers run. Each starts the first time a test needs it and serves the
 * rest of the JVM; Testcontainers removes them when the JVM ends.
 *
 * <p>What was started is remembered in system properties ({@value #MEMORY}*), not in fields, so
 * that test classes Quarkus loads in another class loader find the same containers instead of
 * starting their own. The keys are those of the supervisor's state file.
 */
final class ContainerServers {

  private static final String MEMORY = "meshwork.test.containers.";
  private static final String REALM = "meshwork";
  private static final int KEYCLOAK_PORT = 8080;
  private static final int KEYCLOAK_MANAGEMENT_PORT = 9000;
  private static final int S3_PORT = 80;

  /** Holds the containers for the JVM's lifetime. */
  private static final List<GenericContainer<?>> RUNNING = new ArrayList<>();

  private ContainerServers() {}

  /** Whether Testcontainers finds a container engine that answers. */
  static boolean engineAnswers() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  static synchronized InfraState ensureRunning(Component... needed) {
    Map<Component, GenericContainer<?>> starting = new EnumMap<>(Component.class);
    Secrets secrets = Secrets.loadOrCreate(TestInfra.profile().dir());
    for (Component component : needed) {
      if (!Boolean.getBoolean(MEMORY + component.key() + ".ready")) {
        starting.computeIfAbsent(component, c -> container(c, secrets));
      }
    }
    // Keycloak takes longest: start them side by side rather than one after another.
    Startables.deepStart(starting.values()).join();
    starting.forEach(
        (component, container) -> {
          RUNNING.add(container);
          facts(component, container, secrets).forEach((k, v) -> System.setProperty(MEMORY + k, v));
          System.setProperty(MEMORY + component.key() + ".ready", "true");
        });
    return state();
  }

  /** What this JVM's containers publish, under the supervisor's keys. */
  private static InfraState state() {
    InfraState state = InfraState.empty();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(MEMORY)) {
        state.put(name.substring(MEMORY.length()), System.getProperty(name));
      }
    }
    return state;
  }

  private static GenericContainer<?> container(Component component, Secrets secrets) {
    return switch (component) {
      case POSTGRES -> postgres();
      case KAFKA -> new ScramKafkaContainer(image("kafka"));
      case KEYCLOAK -> keycloak(secrets);
      case S3 -> s3(secrets);
    };
  }

  /** Trust authentication and no durability, as the project's own test PostgreSQL runs. */
  private static PostgreSQLContainer postgres() {
    PostgreSQLContainer postgres =
        new PostgreSQLContainer(image("postgres")).withDatabaseName("meshwork");
    postgres.withUsername("postgres").withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
    postgres.withCommand(
        "postgres",
        "-c",
        "max_connections=300",
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off");
    return postgres;
  }

  /** Dev mode (no database of its own), the realm file's placeholders from the test secrets. */
  private static GenericContainer<?> keycloak(Secrets secrets) {
    Path realm = TestInfra.projectRoot().resolve("deploy/keycloak/meshwork-realm.json");
    GenericContainer<?> keycloak = new GenericContainer<>(image("keycloak"));
    keycloak
        .withExposedPorts(KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT)
        .withCommand("start-dev", "--import-realm", "--health-enabled=true")
        .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
        .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.get("keycloak.admin-password"))
        .withEnv("MESHWORK_DEMO_PASSWORD", KeycloakTokens.demoPassword())
        .withEnv(secrets.realmPlaceholders())
        .withCopyFileToContainer(
            MountableFile.forHostPath(realm, 0644),
            "/opt/keycloak/data/import/" + REALM + "-realm.json")
        .waitingFor(
            Wait.forHttp("/health/ready")
                .forPort(KEYCLOAK_MANAGEMENT_PORT)
                .withStartupTimeout(Duration.ofMinutes(4)));
    return keycloak;
  }

  private static GenericContainer<?> s3(Secrets secrets) {
    GenericContainer<?> s3 = new GenericContainer<>(image("s3proxy"));
    s3.withExposedPorts(S3_PORT)
        .withEnv("S3PROXY_AUTHORIZATION", "aws-v2-or-v4")
        .withEnv("S3PROXY_IDENTITY", secrets.get("s3.access-key"))
        .withEnv("S3PROXY_CREDENTIAL", secrets.get("s3.secret-key"))
        .waitingFor(Wait.forListeningPort());
    return s3;
  }

  private static Map<String, String> facts(
      Component component, GenericContainer<?> container, Secrets secrets) {
    Map<String, String> facts = new LinkedHashMap<>();
    String host = container.getHost();
    switch (component) {
      case POSTGRES -> {
        String port =
            Integer.toString(container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT));
        facts.put("postgres.host", host);
        facts.put("postgres.port", port);
        facts.put("postgres.user", "postgres");
        facts.put("postgres.jdbc-url", "jdbc:postgresql://" + host + ":" + port + "/meshwork");
      }
      case KAFKA -> {
        ScramKafkaContainer kafka = (ScramKafkaContainer) container;
        facts.put("kafka.bootstrap-servers", kafka.getBootstrapServers());
        facts.put("kafka.sasl-bootstrap-servers", kafka.saslBootstrapServers());
        facts.put("kafka.sasl-mechanism", "SCRAM-SHA-512");
      }
      case KEYCLOAK -> {
        String url = "http://" + host + ":" + container.getMappedPort(KEYCLOAK_PORT);
        String realmUrl = url + "/realms/" + REALM;
        facts.put("keycloak.url", url);
        facts.put("keycloak.realm-url", realmUrl);
        facts.put("keycloak.token-url", realmUrl + "/protocol/openid-connect/token");
      }
      case S3 -> {
        facts.put("s3.endpoint", "http://" + host + ":" + container.getMappedPort(S3_PORT));
        facts.put("s3.region", "us-east-1");
        facts.put("s3.access-key", secrets.get("s3.access-key"));
      }
    }
    return facts;
  }

  /** The image of {@code server}, its tag filtered in from the parent pom's versions. */
  static DockerImageName image(String server) {
    Properties images = new Properties();
    try (InputStream in =
        ContainerServers.class.getResourceAsStream("container-images.properties")) {
      images.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read container-images.properties", e);
    }
    String image = images.getProperty(server);
    if (image == null) {
      throw new IllegalArgumentException("No container image for " + server);
    }
    return DockerImageName.parse(image);
  }
}
