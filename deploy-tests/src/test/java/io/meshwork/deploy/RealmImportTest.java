package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm import Job: the realm file of deploy/keycloak (through a link, not a copy), every
 * placeholder filled from the Job's Secret, and its script run against a stand-in for kcadm.sh that
 * records what it would send to Keycloak.
 */
class RealmImportTest {

  private static final Path REALM =
      MeshworkChart.ROOT.resolve("deploy/keycloak/meshwork-realm.json");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FAKE_KCADM =
      """
      #!/bin/bash
      echo "$*" >> "$FAKE_DIR/calls"
      case "$1 $2" in
        "get realms") cat "$FAKE_DIR/realms" ;;
        "create realms"|"create partialImport") cat > "$FAKE_DIR/posted.json" ;;
      esac
      """;

  @TempDir Path work;
  private ConfigMap configMap;

  @BeforeEach
  void renderTheImport() throws IOException {
    configMap =
        MeshworkChart.render(ValueSet.MINIMAL).named(ConfigMap.class, "meshwork-realm-import");
    Files.writeString(work.resolve("import-realm.sh"), configMap.getData().get("import-realm.sh"));
    Files.writeString(work.resolve("realm.json"), configMap.getData().get("meshwork-realm.json"));
    Path kcadm = work.resolve("kcadm.sh");
    Files.writeString(kcadm, FAKE_KCADM);
    Files.setPosixFilePermissions(kcadm, PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void importsTheRealmFileOfDeployKeycloakThroughALink() throws IOException {
    Path link = MeshworkChart.DIR.resolve("files/meshwork-realm.json");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(link.getParent().resolve(Files.readSymbolicLink(link)).toRealPath())
        .isEqualTo(REALM.toRealPath());
    assertThat(configMap.getData().get("meshwork-realm.json")).isEqualTo(Files.readString(REALM));
  }

  @Test
  void theJobGivesEveryPlaceholderOfTheRealmAValueFromASecret() throws IOException {
    Job job = MeshworkChart.render(ValueSet.MINIMAL).named(Job.class, "meshwork-realm-import");
    List<EnvVar> env = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();

    Set<String> placeholders = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(Files.readString(REALM));
    while (matcher.find()) {
      placeholders.add(matcher.group(1));
    }
    Set<String> fromSecrets =
        env.stream()
            .filter(var -> var.getName().startsWith("MESHWORK_"))
            .peek(var -> assertThat(var.getValueFrom().getSecretKeyRef()).isNotNull())
            .map(EnvVar::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(fromSecrets).isEqualTo(placeholders).hasSize(7);
  }

  @Test
  void createsTheRealmWithTheSecretsFilledIn() throws Exception {
    Files.writeString(work.resolve("realms"), "[ {\n  \"realm\" : \"master\"\n} ]");

    Result result = run(secrets());

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(calls())
        .containsExactly(
            "config credentials --server https://sso.example.com --realm master --user admin"
                + " --password kc-Admin-2 --config "
                + work.resolve("kcadm.config"),
            "get realms --fields realm --config " + work.resolve("kcadm.config"),
            "create realms -f - --config " + work.resolve("kcadm.config"));
    JsonNode realm = posted();
    assertThat(realm.path("realm").asString()).isEqualTo("meshwork");
    Map<String, String> clientSecrets = new LinkedHashMap<>();
    for (JsonNode client : realm.path("clients")) {
      if (client.has("secret")) {
        clientSecrets.put(client.path("clientId").asString(), client.path("secret").asString());
      }
    }
    assertThat(clientSecrets)
        .containsEntry("meshwork-catalog", "client-catalog-Secret")
        .containsEntry("meshwork-pipelines", "client-pipelines-Secret")
        .hasSize(6);
    assertThat(realm.path("users").findValuesAsString("value")).containsOnly("demo-Pass-3");
    assertThat(Files.readString(work.resolve("posted.json"))).doesNotContain("${");
  }

  @Test
  void importsPartiallyWhenTheRealmExists() throws Exception {
    Files.writeString(
        work.resolve("realms"),
        "[ {\n  \"realm\" : \"master\"\n}, {\n  \"realm\" : \"meshwork\"\n} ]");

    Result result = run(secrets());

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(calls().get(2))
        .isEqualTo(
            "create partialImport -r meshwork -s ifResourceExists=SKIP -o -f - --config "
                + work.resolve("kcadm.config"));
    assertThat(posted().path("clients").size()).isEqualTo(7);
  }

  @Test
  void secretsWithQuotesAndBackslashesStayValidJson() throws Exception {
    Files.writeString(work.resolve("realms"), "[ ]");
    Map<String, String> env = secrets();
    env.put("MESHWORK_CLIENT_SECRET_LINEAGE", "a\"b\\c&d");

    assertThat(run(env).exit()).isZero();
    assertThat(posted().path("clients").findValuesAsString("secret")).contains("a\"b\\c&d");
  }

  @Test
  void stopsBeforeCallingKeycloakWhenASecretIsMissing() throws Exception {
    Map<String, String> env = secrets();
    env.remove("MESHWORK_DEMO_PASSWORD");

    Result result = run(env);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.output()).contains("placeholder of the realm file has no value");
    assertThat(work.resolve("calls")).doesNotExist();
  }

  private Map<String, String> secrets() {
    Map<String, String> env = new HashMap<>();
    env.put("MESHWORK_DEMO_PASSWORD", "demo-Pass-3");
    for (String client : MeshworkChart.CLIENTS) {
      env.put(
          "MESHWORK_CLIENT_SECRET_" + client.toUpperCase(Locale.ROOT),
          "client-" + client + "-Secret");
    }
    return env;
  }

  private Result run(Map<String, String> secrets) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", work.resolve("import-realm.sh").toString());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", System.getenv("PATH"));
    env.put("FAKE_DIR", work.toString());
    env.put("KCADM", work.resolve("kcadm.sh").toString());
    env.put("KCADM_CONFIG", work.resolve("kcadm.config").toString());
    env.put("REALM_FILE", work.resolve("realm.json").toString());
    env.put("KEYCLOAK_URL", "https://sso.example.com");
    env.put("KEYCLOAK_REALM", "meshwork");
    env.put("KEYCLOAK_ADMIN", "admin");
    env.put("KEYCLOAK_ADMIN_PASSWORD", "kc-Admin-2");
    env.put("IF_RESOURCE_EXISTS", "SKIP");
    env.putAll(secrets);
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private List<String> calls() throws IOException {
    return Files.readAllLines(work.resolve("calls"));
  }

  private JsonNode posted() {
    return JSON.readTree(work.resolve("posted.json").toFile());
  }

  private record Result(int exit, String output) {}
}
