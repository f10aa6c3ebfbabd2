package io.meshwork.contracts.observability;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real tables in the test server's database, announced as provisioning-service would. */
final class QualityFixtures {

  static final String OWNER = TestTokens.domainOwner("marketing");

  private QualityFixtures() {}

  static String jdbcUrl() {
    return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
  }

  static String database() {
    return URI.create(jdbcUrl().substring("jdbc:".length())).getPath().substring(1);
  }

  static String newSchema() {
    return "obs_" + Fixtures.randomSuffix(6);
  }

  static void sql(String... statements) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** provisioning-service's PROVISIONED event of a table dataset {@code marketing/<table>}. */
  static String announceTable(String schema, String table) {
    String uri = "postgres://" + database() + "/" + schema + "/" + table;
    announce(table, "POSTGRES_TABLE", schema + "." + table, uri, "urn:schema:" + table + "/v1");
    return "marketing/" + table;
  }

  static String announceTopic(String name, String topic) {
    announce(name, "KAFKA_TOPIC", topic, "kafka://" + topic, "urn:schema:" + name + "/v1");
    return "marketing/" + name;
  }

  private static void announce(String name, String kind, String resource, String uri, String urn) {
    String payload =
        """
        {"datasetId":"%s","domain":"marketing","name":"%s","storage":"%s","schema":"%s",
         "resources":[{"kind":"%s","name":"%s","uri":"%s","status":"CREATED"}],
         "provisionedAt":"%s"}
        """
            .formatted(
                UUID.randomUUID(),
                name,
                kind.equals("KAFKA_TOPIC") ? "kafka://" : "postgres://",
                urn,
                kind,
                resource,
                uri,
                Instant.now());
    TestKafka.sendCloudEvent(
        TestKafka.topic(ProvisioningEvents.DATASET_TOPIC),
        "marketing/" + name,
        UUID.randomUUID().toString(),
        ProvisioningEvents.DATASET_PROVISIONED.type(),
        "/meshwork/provisioning-service",
        payload);
  }

  /** catalog-service's PUBLISHED event of {@code product} with one output port. */
  static void published(String product, String port, String schemaJson, String service) {
    String payload =
        """
        {"name":"%s","domain":"marketing","owner":"team@company.com","version":"1.0.0",
         "sources":[],"transformations":[],"outputPorts":["%s"],
         "spec":{"product":{"name":"%s","domain":"marketing","owner":"team@company.com",
                 "version":"1.0.0"},"schema":%s,"service":%s},
         "publishedBy":"mara","publishedAt":"%s"}
        """
            .formatted(product, port, product, schemaJson, service, Instant.now());
    TestKafka.sendCloudEvent(
        TestKafka.topic(CatalogEvents.DATA_PRODUCT_TOPIC),
        product,
        UUID.randomUUID().toString(),
        CatalogEvents.PUBLISHED.type(),
        CatalogEvents.SOURCE,
        payload);
  }

  static ValidatableResponse put(String token, String name, String dataset, String yaml) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/yaml")
        .queryParam("dataset", dataset)
        .body(yaml.getBytes(StandardCharsets.UTF_8))
        .when()
        .put("/api/v1/quality/suites/{name}", name)
        .then();
  }

  /** PUTs once the dataset's event has arrived (until then the dataset is unknown: 422). */
  static ExtractableResponse<Response> putWhenKnown(String name, String dataset, String yaml) {
    AtomicReference<ExtractableResponse<Response>> answer = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              answer.set(put(OWNER, name, dataset, yaml).extract());
              return !answer.get().asString().contains("contracts.quality.unknown-dataset");
            });
    return answer.get();
  }

  static ValidatableResponse run(String token, String suite) {
    return given()
        .auth()
        .oauth2(token)
        .when()
        .post("/api/v1/quality/suites/{name}/runs", suite)
        .then();
  }
}
