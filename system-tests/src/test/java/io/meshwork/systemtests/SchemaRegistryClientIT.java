package io.meshwork.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.events.schema.ConfluentWireFormat;
import io.meshwork.events.schema.RegisteredSchema;
import io.meshwork.events.schema.SchemaRegistryClient;
import io.meshwork.infra.Secrets;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.KeycloakTokens;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import io.meshwork.testing.TestInfra;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * contract-registry driven by the unmodified npm client {@code @kafkajs/confluent-schema-registry}
 * (register, getLatestSchemaId, encode, decode for AVRO and JSON), authenticating with HTTP Basic
 * as a Keycloak client, against the real Keycloak.
 */
class SchemaRegistryClientIT {

  private static final Path CLIENT = Path.of("target", "schema-registry-client");

  private static ServiceEnvironment environment;
  private static ServiceProcess registry;

  @BeforeAll
  static void start() throws Exception {
    installClient();
    environment = ServiceEnvironment.create();
    registry = environment.start("contract-registry");
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (environment != null) {
      environment.close();
    }
  }

  /** npm installs the client (from the npm registry) next to the check script. */
  private static void installClient() throws Exception {
    Files.createDirectories(CLIENT);
    Path sources = Path.of("src", "test", "js", "schema-registry-client");
    for (String file : List.of("package.json", "client-check.mjs")) {
      Files.copy(sources.resolve(file), CLIENT.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.exists(CLIENT.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(CLIENT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(CLIENT.resolve("npm-install.log").toFile())
            .start();
    assertThat(npm.waitFor(180, TimeUnit.SECONDS)).as("npm install finished").isTrue();
    assertThat(npm.exitValue())
        .as("npm install; see " + CLIENT.resolve("npm-install.log"))
        .isZero();
  }

  private static JsonNode runClientCheck(String prefix) throws IOException, InterruptedException {
    Secrets secrets = Secrets.loadOrCreate(TestInfra.profile().dir());
    ProcessBuilder node = new ProcessBuilder("node", "client-check.mjs").directory(CLIENT.toFile());
    node.environment()
        .putAll(
            Map.of(
                "REGISTRY_URL",
                registry.baseUrl(),
                "CLIENT_ID",
                "meshwork-pipelines",
                "CLIENT_SECRET",
                secrets.clientSecret("pipelines"),
                "SUBJECT_PREFIX",
                prefix));
    node.redirectErrorStream(true);
    Process process = node.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("node client-check.mjs printed:\n" + output).isZero();
    String lastLine = output.strip().lines().reduce((a, b) -> b).orElse("{}");
    return new ObjectMapper().readTree(lastLine);
  }

  @Test
  void npmClientRegistersEncodesAndDecodesAvroAndJson() throws Exception {
    String prefix = "marketing." + Fixtures.newName("customers");
    JsonNode result = runClientCheck(prefix);
    assertThat(result.get("wrongSecretStatus").asInt()).isEqualTo(401);

    // The platform's own consumers resolve the ids found in Confluent-framed records.
    SchemaRegistryClient platformClient =
        new SchemaRegistryClient(
            registry.baseUrl(),
            "meshwork-pipelines",
            Secrets.loadOrCreate(TestInfra.profile().dir()).clientSecret("pipelines"));
    int avroId = result.get("avroId").asInt();
    RegisteredSchema resolved =
        platformClient.schemaOf(ConfluentWireFormat.frame(avroId, new byte[] {2, 'x'}));
    assertThat(resolved.type()).isEqualTo("AVRO");
    assertThat(resolved.schema()).contains("\"name\":\"Customer\"");
    assertThat(platformClient.schemaById(result.get("jsonId").asInt()).type()).isEqualTo("JSON");

    // What the client registered is visible through the REST API with a person's bearer token.
    KeycloakTokens tokens = environment.tokens();
    String token = tokens.user("cody");
    given()
        .baseUri(registry.baseUrl())
        .auth()
        .oauth2(token)
        .when()
        .get("/subjects/{s}/versions/latest", prefix + "-avro-value")
        .then()
        .statusCode(200)
        .body("id", equalTo(result.get("avroId").asInt()));
    given()
        .baseUri(registry.baseUrl())
        .auth()
        .oauth2(token)
        .when()
        .get("/schemas/ids/{id}", result.get("jsonId").asInt())
        .then()
        .statusCode(200)
        .body("schemaType", equalTo("JSON"));
    // The client set the subject-level level after its first registration, as Confluent expects.
    given()
        .baseUri(registry.baseUrl())
        .auth()
        .oauth2(token)
        .when()
        .get("/config/{s}", prefix + "-avro-value")
        .then()
        .statusCode(200)
        .body("compatibilityLevel", equalTo("BACKWARD"));
  }

  @Test
  void basicAuthOfAClientOutsideTheSubjectsDomainCannotRegister() {
    Secrets secrets = Secrets.loadOrCreate(TestInfra.profile().dir());
    given()
        .baseUri(registry.baseUrl())
        .auth()
        .preemptive()
        .basic("meshwork-pipelines", secrets.clientSecret("pipelines"))
        .contentType("application/vnd.schemaregistry.v1+json")
        .body("{\"schema\":\"\\\"string\\\"\"}")
        .when()
        .post("/subjects/{s}/versions", "finance." + Fixtures.newName("ledger"))
        .then()
        .statusCode(403)
        .body("error_code", equalTo(40301));
  }
}
