package io.meshwork.testing;

import io.meshwork.infra.Component;
import io.meshwork.infra.InfraState;
import io.meshwork.infra.Secrets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One isolated platform on the shared test servers for tests that run packaged services: a fresh
 * database (each service takes its own schema in it), a topic prefix, and the real Keycloak.
 */
public final class ServiceEnvironment implements AutoCloseable {

  private final InfraState infra;
  private final String database;
  private final Map<String, String> env = new HashMap<>();

  private ServiceEnvironment(InfraState infra, String database, Map<String, String> env) {
    this.infra = infra;
    this.database = database;
    this.env.putAll(env);
  }

  public static ServiceEnvironment create() {
    InfraState infra = TestServers.ensureRunning(Component.values());
    String run = Fixtures.randomSuffix(6);
    String database = "st_" + run;
    String jdbcUrl = TestDatabases.create(infra, database);
    Map<String, String> env = new HashMap<>();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", infra.require("postgres.user"));
    env.put("QUARKUS_DATASOURCE_PASSWORD", "");
    env.put("KAFKA_BOOTSTRAP_SERVERS", infra.require("kafka.bootstrap-servers"));
    env.put("MESHWORK_KAFKA_TOPIC_PREFIX", "st" + run + ".");
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", infra.require("keycloak.realm-url"));
    env.put("MESHWORK_KEYCLOAK_URL", infra.require("keycloak.url"));
    Secrets secrets = Secrets.loadOrCreate(TestInfra.profile().dir());
    env.put("MESHWORK_S3_ENDPOINT", infra.require("s3.endpoint"));
    env.put("MESHWORK_S3_ACCESS_KEY", secrets.get("s3.access-key"));
    env.put("MESHWORK_S3_SECRET_KEY", secrets.get("s3.secret-key"));
    for (String client : Secrets.SERVICE_CLIENTS) {
      env.put(
          "MESHWORK_CLIENT_SECRET_" + client.toUpperCase(Locale.ROOT),
          secrets.clientSecret(client));
    }
    return new ServiceEnvironment(infra, database, env);
  }

  public InfraState infra() {
    return infra;
  }

  /** The JDBC URL of this environment's database (each service keeps its own schema in it). */
  public String jdbcUrl() {
    return env.get("QUARKUS_DATASOURCE_JDBC_URL");
  }

  /** The prefix of every topic the environment's services use, e.g. {@code stk3x9q2.}. */
  public String topicPrefix() {
    return env.get("MESHWORK_KAFKA_TOPIC_PREFIX");
  }

  /** The JDBC URL of {@code database} on the same server (the warehouse, say). */
  public String jdbcUrl(String database) {
    String url = jdbcUrl();
    return url.substring(0, url.lastIndexOf('/') + 1) + database;
  }

  public String kafkaBootstrapServers() {
    return env.get("KAFKA_BOOTSTRAP_SERVERS");
  }

  public KeycloakTokens tokens() {
    return new KeycloakTokens(infra);
  }

  /** Starts {@code module}'s packaged jar in this environment, with {@code extra} settings. */
  public ServiceProcess start(String module, Map<String, String> extra) {
    Map<String, String> all = new HashMap<>(env);
    all.putAll(extra);
    return ServiceProcess.start(module, all, Path.of("target", "service-logs"));
  }

  public ServiceProcess start(String module) {
    return start(module, Map.of());
  }

  @Override
  public void close() {
    TestDatabases.drop(infra, database);
  }
}
