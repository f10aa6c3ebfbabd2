package io.meshwork.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.testing.KeycloakTokens;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's two headline calls, in its own words, with the clients people run: {@code POST
 * /api/v1/datasets} for {@code customer_segments}, then a pipeline's lineage from the official
 * OpenLineage Java client (gzip-compressed, a service account's token), then the seed's GraphQL
 * query through graphql-request and graphql-js, including the standard introspection query that
 * GraphiQL and code generators send first.
 */
class SeedLineageQueryIT {

  private static ServiceEnvironment environment;
  private static ServiceProcess registry;
  private static ServiceProcess provisioning;
  private static ServiceProcess lineage;
  private static KeycloakTokens tokens;
  private static NodeClient graphqlClient;

  @BeforeAll
  static void startServices() throws Exception {
    graphqlClient = NodeClient.install("graphql-client");
    environment = ServiceEnvironment.create();
    registry = environment.start("contract-registry");
    provisioning =
        environment.start(
            "provisioning-service",
            Map.of("MESHWORK_PROVISIONING_SCHEMA_REGISTRY_URL", registry.baseUrl()));
    lineage = environment.start("lineage-service");
    tokens = environment.tokens();
  }

  @AfterAll
  static void stopServices() {
    // The seed's prefix is one fixed S3 location on shared servers: give it back so that the next
    // run (another database, the same S3Proxy) can claim it again.
    if (provisioning != null && tokens != null) {
      given()
          .baseUri(provisioning.baseUrl())
          .auth()
          .oauth2(tokens.user("mara"))
          .header("Prefer", "wait=30")
          .when()
          .delete("/api/v1/datasets/marketing/customer_segments");
    }
    for (ServiceProcess service : new ServiceProcess[] {lineage, provisioning, registry}) {
      if (service != null) {
        service.close();
      }
    }
    if (environment != null) {
      environment.close();
    }
  }

  private static void registerCustomerSchema(String token, String properties) {
    given()
        .baseUri(registry.baseUrl())
        .auth()
        .oauth2(token)
        .contentType("application/vnd.schemaregistry.v1+json")
        .body(
            "{\"schemaType\":\"JSON\",\"schema\":\"{\\\"type\\\":\\\"object\\\","
                + "\\\"additionalProperties\\\":false,\\\"required\\\":[\\\"customer_id\\\"],"
                + "\\\"properties\\\":{"
                + properties
                + "}}\"}")
        .when()
        .post("/subjects/customer/versions")
        .then()
        .statusCode(200);
  }

  @Test
  void theSeedsQueryFindsTheDatasetTheSeedsProvisioningCallMade() throws Exception {
    String mara = tokens.user("mara");
    // urn:schema:customer/v2 is subject "customer", version 2.
    registerCustomerSchema(mara, "\\\"customer_id\\\":{\\\"type\\\":\\\"string\\\"}");
    registerCustomerSchema(
        mara,
        "\\\"customer_id\\\":{\\\"type\\\":\\\"string\\\"},\\\"segment\\\":{\\\"type\\\":\\\"string\\\"}");
    given()
        .baseUri(provisioning.baseUrl())
        .auth()
        .oauth2(mara)
        .contentType(ContentType.JSON)
        .header("Prefer", "wait=30")
        .body(
            """
            {
              "name": "customer_segments",
              "domain": "marketing",
              "storage": "s3://data-lake/domain=marketing",
              "schema": "urn:schema:customer/v2"
            }
            """)
        .when()
        .post("/api/v1/datasets")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .body("state", equalTo("READY"));

    // lineage-service learns the dataset from provisioning's events; it answers to its name.
    String consumer = tokens.user("cody");
    JsonNode node =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    graphql(
                        consumer,
                        "{ dataset(name: \"customer_segments\") { name namespace aliases } }"),
                answer -> !answer.path("data").path("dataset").isNull());
    JsonNode dataset = node.path("data").path("dataset");
    assertThat(dataset.path("namespace").asText()).isEqualTo("s3://data-lake");
    assertThat(dataset.path("name").asText()).isEqualTo("domain=marketing");

    // A pipeline's job writes it from the CRM's customers, reported by the official client.
    emitLineage(dataset.path("namespace").asText(), dataset.path("name").asText());

    JsonNode observed =
        graphqlClient.check(
            Map.of(
                "GRAPHQL_URL",
                lineage.baseUrl() + "/graphql",
                "TOKEN",
                consumer,
                "DATASET",
                "customer_segments"));
    assertThat(observed.path("types").asInt()).isGreaterThan(10);
    assertThat(observed.path("hasAliases").asBoolean()).isTrue();
    JsonNode upstream = observed.path("seed").path("dataset").path("upstream");
    assertThat(upstream).hasSize(1);
    assertThat(upstream.get(0).path("name").asText()).isEqualTo("crm_system.customers");
    // Selected as the seed asks; the CRM table is only read, so no job has updated it here.
    assertThat(upstream.get(0).has("lastUpdated")).isTrue();
    assertThat(observed.path("seed").path("dataset").path("downstream")).isEmpty();
    assertThat(observed.path("unauthenticated").path("status").asInt()).isEqualTo(401);

    given()
        .baseUri(lineage.baseUrl())
        .contentType(ContentType.JSON)
        .body(Map.of("query", "{ dataset(name: \"customer_segments\") { name } }"))
        .when()
        .post("/graphql")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("auth.unauthenticated"))
        .body("detail", notNullValue());
  }

  private static JsonNode graphql(String token, String query) {
    return given()
        .baseUri(lineage.baseUrl())
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("query", query))
        .when()
        .post("/graphql")
        .then()
        .statusCode(200)
        .extract()
        .as(JsonNode.class);
  }

  /** START and COMPLETE of a nightly job, sent gzip-compressed with a service account's token. */
  private static void emitLineage(String namespace, String name) throws Exception {
    HttpConfig config = new HttpConfig();
    config.setUrl(URI.create(lineage.baseUrl()));
    config.setCompression(HttpConfig.Compression.GZIP);
    ApiKeyTokenProvider token = new ApiKeyTokenProvider();
    token.setApiKey(tokens.serviceAccount("pipelines"));
    config.setAuth(token);
    OpenLineage ol = new OpenLineage(URI.create("https://github.com/meshwork/seed-pipeline"));
    UUID runId = UUID.randomUUID();
    OpenLineage.Job job =
        ol.newJobBuilder().namespace("airflow://marketing").name("build_segments").build();
    try (HttpTransport transport = new HttpTransport(config)) {
      OpenLineageClient client = OpenLineageClient.builder().transport(transport).build();
      for (OpenLineage.RunEvent.EventType type :
          List.of(OpenLineage.RunEvent.EventType.START, OpenLineage.RunEvent.EventType.COMPLETE)) {
        client.emit(
            ol.newRunEventBuilder()
                .eventType(type)
                .eventTime(ZonedDateTime.now())
                .run(ol.newRunBuilder().runId(runId).build())
                .job(job)
                .inputs(
                    List.of(
                        ol.newInputDatasetBuilder()
                            .namespace("postgres://crm:5432")
                            .name("crm_system.customers")
                            .build()))
                .outputs(
                    List.of(ol.newOutputDatasetBuilder().namespace(namespace).name(name).build()))
                .build());
      }
    }
  }
}
