package io.meshwork.testing;

import io.meshwork.infra.Component;
import io.meshwork.infra.InfraState;
import io.meshwork.infra.Secrets;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Points a service under test at the shared test servers ({@link TestServers}: the project's own,
 * or containers): a database of its own, a topic prefix of its own (so modules never see each
 * other's events), and locally signed tokens.
 */
public class MeshworkTestResource implements QuarkusTestResourceLifecycleManager {

  private InfraState state;
  private String database;

  @Override
  public Map<String, String> start() {
    state = TestServers.ensureRunning(Component.POSTGRES, Component.KAFKA, Component.S3);
    String run = Fixtures.randomSuffix(6);
    database = "t_" + moduleName() + "_" + run;
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", TestDatabases.create(state, database));
    config.put("quarkus.datasource.username", state.require("postgres.user"));
    config.put("quarkus.datasource.password", "");
    config.put("kafka.bootstrap.servers", state.require("kafka.bootstrap-servers"));
    config.put("meshwork.kafka.topic-prefix", "t" + run + ".");
    config.put("quarkus.oidc.public-key", TestTokens.publicKeyBase64());
    config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
    Secrets secrets = Secrets.loadOrCreate(TestInfra.profile().dir());
    config.put("meshwork.s3.endpoint", state.require("s3.endpoint"));
    config.put("meshwork.s3.region", state.require("s3.region"));
    config.put("meshwork.s3.access-key", secrets.get("s3.access-key"));
    config.put("meshwork.s3.secret-key", secrets.get("s3.secret-key"));
    return config;
  }

  @Override
  public void stop() {
    if (state != null && database != null) {
      TestDatabases.drop(state, database);
    }
  }

  /** {@code catalog_service} from the module folder the tests run in. */
  private static String moduleName() {
    String folder = Path.of("").toAbsolutePath().getFileName().toString();
    return folder.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
  }
}
