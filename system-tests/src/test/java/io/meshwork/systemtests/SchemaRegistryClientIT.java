package io.meshwork.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.UnknownFieldSet;
import io.meshwork.events.schema.ConfluentWireFormat;
import io.meshwork.infra.Secrets;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.KeycloakTokens;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import io.meshwork.testing.TestInfra;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * contract-registry driven by the unmodified npm client {@code @kafkajs/confluent-schema-registry}
 * (register, getLatestSchemaId, encode, decode for AVRO, JSON and PROTOBUF), authenticating with
 * HTTP Basic as a Keycloak client, against the real Keycloak.
 */
class SchemaRegistryClientIT {

  private static NodeClient client;
  private static ServiceEnvironment environment;
  private static ServiceProcess registry;

  @BeforeAll
  static void start() throws Exception {
    client = NodeClient.install("schema-registry-client");
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

  private static JsonNode runClientCheck(String prefix, String suffix)
      throws IOException, InterruptedException {
    Secrets secrets = Secrets.loadOrCreate(TestInfra.profile().dir());
    return client.check(
        Map.of(
            "REGISTRY_URL",
            registry.baseUrl(),
            "CLIENT_ID",
            "meshwork-pipelines",
            "CLIENT_SECRET",
            secrets.clientSecret("pipelines"),
            "SUBJECT_PREFIX",
            prefix,
            "SUBJECT_SUFFIX",
            suffix));
  }

  @Test
  void npmClientRegistersEncodesAndDecodesAvroJsonAndProtobuf() throws Exception {
    String prefix = "marketing." + Fixtures.newName("customers");
    JsonNode result = runClientCheck(prefix, Fixtures.randomSuffix(6));
    assertThat(result.get("wrongSecretStatus").asInt()).isEqualTo(401);
    // Every naming strategy's subject was registered by the pipeline for its domain.
    assertThat(result.get("strategySubjects")).hasSize(3);

    // The ids in Confluent-framed records resolve with the same Basic credentials.
    int avroId = result.get("avroId").asInt();
    int framed = ConfluentWireFormat.schemaId(ConfluentWireFormat.frame(avroId, new byte[] {2}));
    Secrets secrets = Secrets.loadOrCreate(TestInfra.profile().dir());
    given()
        .baseUri(registry.baseUrl())
        .auth()
        .preemptive()
        .basic("meshwork-pipelines", secrets.clientSecret("pipelines"))
        .when()
        .get("/schemas/ids/{id}", framed)
        .then()
        .statusCode(200)
        .body("schema", containsString("\"name\":\"Customer\""));

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
    protobufRecordsReadHere(result);
  }

  /**
   * The npm client's PROTOBUF record, read here: Confluent's framing with message indexes (the
   * platform's tool writes the same bytes the script built), and the message by protobuf-java.
   */
  private static void protobufRecordsReadHere(JsonNode result) throws Exception {
    int protoId = result.get("protoId").asInt();
    byte[] clientBytes = HexFormat.of().parseHex(result.get("protoHex").asText());
    byte[] confluentBytes = HexFormat.of().parseHex(result.get("confluentHex").asText());
    byte[] message = ConfluentWireFormat.payload(clientBytes);

    assertThat(ConfluentWireFormat.frameProtobuf(protoId, List.of(0), message))
        .isEqualTo(confluentBytes);
    ConfluentWireFormat.ProtobufRecord record = ConfluentWireFormat.protobuf(confluentBytes);
    assertThat(record.schemaId()).isEqualTo(protoId);
    assertThat(record.messageIndexes()).containsExactly(0);
    UnknownFieldSet fields = UnknownFieldSet.parseFrom(record.payload());
    assertThat(fields.getField(1).getLengthDelimitedList().get(0).toStringUtf8()).isEqualTo("o-1");
    assertThat(fields.getField(2).getVarintList()).containsExactly(3L);
    UnknownFieldSet customer =
        UnknownFieldSet.parseFrom(fields.getField(3).getLengthDelimitedList().get(0));
    assertThat(customer.getField(1).getLengthDelimitedList().get(0).toStringUtf8())
        .isEqualTo("Ada");
    given()
        .baseUri(registry.baseUrl())
        .auth()
        .oauth2(environment.tokens().user("cody"))
        .when()
        .get("/schemas/ids/{id}", protoId)
        .then()
        .statusCode(200)
        .body("schemaType", equalTo("PROTOBUF"))
        .body("references[0].name", equalTo("crm/customer.proto"));
  }

  @Test
  void basicAuthOfAClientOutsideTheSubjectsDomainCannotRegister() {
    // finance owns a subject, so a finance.* subject is finance's.
    given()
        .baseUri(registry.baseUrl())
        .auth()
        .oauth2(environment.tokens().user("finn"))
        .contentType("application/vnd.schemaregistry.v1+json")
        .body("{\"schema\":\"\\\"string\\\"\"}")
        .when()
        .post("/subjects/{s}/versions", "finance." + Fixtures.newName("ledger"))
        .then()
        .statusCode(200);
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
