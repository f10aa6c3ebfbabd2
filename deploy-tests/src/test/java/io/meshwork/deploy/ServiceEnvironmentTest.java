package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chart configures the services only through variables they read: each name maps to a property
 * of that service's configuration, so renaming a property fails here, not in a cluster.
 */
class ServiceEnvironmentTest {

  @ParameterizedTest
  @EnumSource(ValueSet.class)
  void everyVariableTheChartSetsIsOneTheServiceReads(ValueSet set) {
    KubernetesManifests manifests = MeshworkChart.render(set);
    for (String module : MeshworkChart.SERVICES.values()) {
      ServiceProperties reads = ServiceProperties.of(module);
      Set<String> env = environment(manifests, "meshwork-" + module);

      assertThat(env).as(module).isNotEmpty();
      assertThat(env)
          .as(module + " reads none of these (its properties: %s)", reads.properties())
          .allMatch(reads::reads);
    }
  }

  @Test
  void everyServiceGetsItsServersAndItsPort() {
    KubernetesManifests manifests = MeshworkChart.render(ValueSet.MINIMAL);
    for (String module : MeshworkChart.SERVICES.values()) {
      assertThat(environment(manifests, "meshwork-" + module))
          .as(module)
          .contains(
              "QUARKUS_HTTP_PORT",
              "QUARKUS_DATASOURCE_JDBC_URL",
              "QUARKUS_DATASOURCE_USERNAME",
              "QUARKUS_DATASOURCE_PASSWORD",
              "KAFKA_BOOTSTRAP_SERVERS",
              "QUARKUS_OIDC_AUTH_SERVER_URL");
    }
    assertThat(environment(manifests, "meshwork-provisioning-service"))
        .contains(
            "MESHWORK_CLIENT_SECRET_PROVISIONING", "MESHWORK_PROVISIONING_SCHEMA_REGISTRY_URL");
    assertThat(environment(manifests, "meshwork-governance-service"))
        .contains("MESHWORK_CLIENT_SECRET_GOVERNANCE", "MESHWORK_KEYCLOAK_URL");
    assertThat(
            configMap(manifests, "meshwork-provisioning-service")
                .get("MESHWORK_PROVISIONING_SCHEMA_REGISTRY_URL"))
        .isEqualTo("http://meshwork-contract-registry:8085");
  }

  @Test
  void theServersComeFromTheValues() {
    Map<String, String> config =
        configMap(MeshworkChart.render(ValueSet.PRODUCTION), "meshwork-lineage-service");

    assertThat(config)
        .containsEntry(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "jdbc:postgresql://meshwork-db.example.internal:5432/meshwork?sslmode=verify-full")
        .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://sso.example.com/realms/meshwork")
        .containsEntry("MESHWORK_KAFKA_TOPIC_PREFIX", "prod.")
        .containsEntry("QUARKUS_HTTP_PORT", "8083")
        .containsEntry(
            "MESHWORK_LINEAGE_STORAGE_POSTGRES_NAMESPACE",
            "postgres://meshwork-db.example.internal:5432");
  }

  @Test
  void knowsWhatEachServiceReads() {
    ServiceProperties catalog = ServiceProperties.of("catalog-service");
    ServiceProperties provisioning = ServiceProperties.of("provisioning-service");

    assertThat(catalog.reads("QUARKUS_DATASOURCE_JDBC_URL")).isTrue();
    assertThat(catalog.reads("MESHWORK_KAFKA_TOPIC_PREFIX")).isTrue();
    assertThat(catalog.reads("MESHWORK_OUTBOX_POLL_INTERVAL")).isTrue();
    assertThat(catalog.reads("MESHWORK_CLIENT_SECRET_PROVISIONING")).isFalse();
    assertThat(catalog.reads("MESHWORK_CATALOG_DATASOURCE_URL")).isFalse();
    assertThat(provisioning.reads("MESHWORK_CLIENT_SECRET_PROVISIONING")).isTrue();
    // @ConfigMapping groups: meshwork.provisioning.schema-registry.url, meshwork.s3.endpoint
    assertThat(provisioning.reads("MESHWORK_PROVISIONING_SCHEMA_REGISTRY_URL")).isTrue();
    assertThat(provisioning.reads("MESHWORK_PROVISIONING_WORKER_THREADS")).isTrue();
    assertThat(provisioning.reads("MESHWORK_S3_ENDPOINT")).isTrue();
    assertThat(provisioning.reads("MESHWORK_S3_ENDPOINTS")).isFalse();
    assertThat(ServiceProperties.envName("quarkus.datasource.jdbc.url"))
        .isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
  }

  /** The container's variables and those of the ConfigMap it takes whole (envFrom). */
  static Set<String> environment(KubernetesManifests manifests, String name) {
    Container container =
        manifests
            .named(Deployment.class, name)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    Set<String> env = new TreeSet<>();
    container.getEnv().stream().map(EnvVar::getName).forEach(env::add);
    container
        .getEnvFrom()
        .forEach(
            from -> env.addAll(configMap(manifests, from.getConfigMapRef().getName()).keySet()));
    return env;
  }

  private static Map<String, String> configMap(KubernetesManifests manifests, String name) {
    return manifests.named(ConfigMap.class, name).getData();
  }
}
