package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * deploy/docker-compose.yml and the services' Dockerfiles, which no container engine here can run:
 * their structure, the variables each service gets (ones it reads), and the versions of the servers
 * (the build's).
 */
class ComposeFileTest {

  private static final Path DEPLOY = MeshworkChart.ROOT.resolve("deploy");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[?-])?");
  private static final Map<String, Integer> PORTS =
      Map.of(
          "catalog-service", 8081,
          "provisioning-service", 8082,
          "lineage-service", 8083,
          "governance-service", 8084,
          "contract-registry", 8085);

  private final JsonNode compose = YAML.readTree(DEPLOY.resolve("docker-compose.yml").toFile());

  @Test
  void runsTheFiveServicesAndTheirServers() {
    Set<String> names = new TreeSet<>(compose.path("services").propertyNames());

    Set<String> expected = new TreeSet<>(PORTS.keySet());
    expected.addAll(List.of("postgres", "kafka", "keycloak"));
    assertThat(names).isEqualTo(expected);
  }

  @Test
  void everyServiceIsBuiltFromItsDockerfileAndGetsOnlyVariablesItReads() {
    for (Map.Entry<String, Integer> entry : PORTS.entrySet()) {
      String module = entry.getKey();
      JsonNode service = compose.path("services").path(module);
      assertThat(service.path("build").path("context").asString()).isEqualTo("../" + module);
      Path dockerfile =
          DEPLOY
              .resolve(service.path("build").path("context").asString())
              .resolve(service.path("build").path("dockerfile").asString());
      assertThat(dockerfile).isRegularFile();
      assertThat(service.path("ports").get(0).asString())
          .isEqualTo(entry.getValue() + ":" + entry.getValue());
      Set<String> env = new TreeSet<>(service.path("environment").propertyNames());
      ServiceProperties reads = ServiceProperties.of(module);
      assertThat(env)
          .as(module + " reads none of these")
          .contains(
              "QUARKUS_DATASOURCE_JDBC_URL",
              "KAFKA_BOOTSTRAP_SERVERS",
              "QUARKUS_OIDC_AUTH_SERVER_URL")
          .allMatch(reads::reads);
      assertThat(service.path("depends_on").propertyNames())
          .containsExactlyInAnyOrder("postgres", "kafka", "keycloak");
    }
  }

  @Test
  void keycloakImportsTheRealmFileWithEveryPlaceholderSet() throws IOException {
    JsonNode keycloak = compose.path("services").path("keycloak");

    assertThat(keycloak.path("image").asString())
        .isEqualTo("quay.io/keycloak/keycloak:" + pomProperty("keycloak.version"));
    assertThat(keycloak.path("command").toString()).contains("--import-realm");
    String mount = keycloak.path("volumes").get(0).asString();
    assertThat(mount)
        .isEqualTo(
            "./keycloak/meshwork-realm.json:/opt/keycloak/data/import/meshwork-realm.json:ro");
    assertThat(DEPLOY.resolve("keycloak/meshwork-realm.json")).isRegularFile();
    Set<String> placeholders = new TreeSet<>();
    Matcher matcher =
        Pattern.compile("\\$\\{(\\w+)}")
            .matcher(Files.readString(DEPLOY.resolve("keycloak/meshwork-realm.json")));
    while (matcher.find()) {
      placeholders.add(matcher.group(1));
    }
    assertThat(keycloak.path("environment").propertyNames()).containsAll(placeholders);
  }

  @Test
  void theServersAreTheBuildsVersions() throws IOException {
    assertThat(compose.path("services").path("kafka").path("image").asString())
        .isEqualTo("apache/kafka:" + pomProperty("kafka.version"));
    // The chart's realm import runs on the same Keycloak.
    assertThat(
            YAML.readTree(MeshworkChart.DIR.resolve("values.yaml").toFile())
                .path("keycloak")
                .path("realmImport")
                .path("image")
                .path("tag")
                .asString())
        .isEqualTo(pomProperty("keycloak.version"));
  }

  @Test
  void secretsComeFromTheEnvironmentAndMustBeSet() throws IOException {
    String text = Files.readString(DEPLOY.resolve("docker-compose.yml"));
    List<String> unguarded = new ArrayList<>();
    Set<String> variables = new TreeSet<>();
    Matcher matcher = INTERPOLATION.matcher(text);
    while (matcher.find()) {
      variables.add(matcher.group(1));
      if (!":?".equals(matcher.group(2))) {
        unguarded.add(matcher.group(0));
      }
    }
    assertThat(unguarded).as("variables with a default or none required").isEmpty();
    Set<String> example = new TreeSet<>();
    for (String line : Files.readAllLines(DEPLOY.resolve("compose.env.example"))) {
      if (!line.startsWith("#") && line.contains("=")) {
        example.add(line.substring(0, line.indexOf('=')));
      }
    }
    assertThat(example).isEqualTo(variables);
  }

  @Test
  void everyDockerfileRunsAsTheChartsUserOnItsPort() throws IOException {
    for (Map.Entry<String, Integer> entry : PORTS.entrySet()) {
      List<String> lines =
          Files.readAllLines(
              MeshworkChart.ROOT.resolve(entry.getKey()).resolve("src/main/docker/Dockerfile.jvm"));
      assertThat(lines)
          .as(entry.getKey())
          .contains("USER 185", "EXPOSE " + entry.getValue())
          .anyMatch(line -> line.startsWith("COPY --chown=185 target/quarkus-app/"));
    }
  }

  private static String pomProperty(String name) throws IOException {
    Matcher matcher =
        Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</")
            .matcher(Files.readString(MeshworkChart.ROOT.resolve("pom.xml")));
    assertThat(matcher.find()).as(name).isTrue();
    return matcher.group(1);
  }
}
