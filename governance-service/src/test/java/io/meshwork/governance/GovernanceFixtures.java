package io.meshwork.governance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Tokens, policies and catalog events for governance's tests; names unique to each test. */
public final class GovernanceFixtures {

  public static final String BOARD = TestTokens.user("greta").roles("governance-board").sign();
  public static final String ADMIN = TestTokens.platformAdmin();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();

  private GovernanceFixtures() {}

  public static String newDomain() {
    return Fixtures.newName("dom").replace('_', '-');
  }

  public static String newProduct() {
    return Fixtures.newName("prod");
  }

  public static ValidatableResponse putPolicy(String token, String name, String hcl) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/hcl")
        .body(hcl.getBytes(StandardCharsets.UTF_8))
        .when()
        .put("/api/v1/policies/{name}", name)
        .then();
  }

  /** A domain-local document with one policy holding {@code rules} at {@code level}. */
  public static String localPolicy(String domain, String policy, String level, String rules) {
    return """
        domain = "%s"
        policy "%s" {
          enforcement_level = "%s"
          rules = {
            %s
          }
        }
        """
        .formatted(domain, policy, level, rules);
  }

  /** A product spec (the catalog's document) as JSON, from YAML with the product's parts. */
  public static JsonNode spec(String name, String domain, String version, String extraYaml) {
    String yaml =
        """
        product:
          name: %s
          domain: %s
          owner: %s-team
          version: %s
          description: Orders and their amounts
        schema:
          - name: order_id
            type: string
            description: The order
          - name: amount
            type: decimal(12,2)
            description: What was paid
        service:
          freshness: 24h
          availability: 99.9%%
          latency: 1h
        %s
        """
            .formatted(name, domain, domain, version, extraYaml == null ? "" : extraYaml);
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The catalog announces a submission of {@code spec}, round {@code round}. */
  public static void submit(JsonNode spec, int round) {
    JsonNode product = spec.path("product");
    ObjectNode payload = JSON.createObjectNode();
    payload.put("name", product.path("name").asText());
    payload.put("domain", product.path("domain").asText());
    payload.put("owner", product.path("owner").asText());
    payload.put("version", product.path("version").asText());
    payload.put("round", round);
    payload.set("spec", spec);
    payload.put("submittedBy", "mara");
    payload.put("submittedAt", Instant.now().toString());
    send(CatalogEvents.DATA_PRODUCT_TOPIC, CatalogEvents.SUBMITTED.type(), payload);
  }

  /** The catalog announces a new version of {@code spec} (a product governance now knows). */
  public static void versionCreated(JsonNode spec) {
    JsonNode product = spec.path("product");
    ObjectNode payload = JSON.createObjectNode();
    payload.put("name", product.path("name").asText());
    payload.put("domain", product.path("domain").asText());
    payload.put("owner", product.path("owner").asText());
    payload.put("version", product.path("version").asText());
    payload.set("spec", spec);
    payload.put("createdBy", "mara");
    payload.put("createdAt", Instant.now().toString());
    send(CatalogEvents.DATA_PRODUCT_TOPIC, CatalogEvents.VERSION_CREATED.type(), payload);
  }

  /** provisioning-service made dataset {@code domain/name} as the table at {@code tableUri}. */
  public static void provisioned(String domain, String name, String tableUri) {
    String payload =
        """
        {"datasetId":"%s","domain":"%s","name":"%s","storage":"postgres://warehouse/%s",
         "schema":null,"resources":[{"kind":"POSTGRES_TABLE","name":"%s","uri":"%s","status":"CREATED"}],
         "provisionedAt":"%s"}
        """
            .formatted(UUID.randomUUID(), domain, name, domain, name, tableUri, Instant.now());
    TestKafka.sendCloudEvent(
        TestKafka.topic(ProvisioningEvents.DATASET_TOPIC),
        domain + "/" + name,
        UUID.randomUUID().toString(),
        ProvisioningEvents.DATASET_PROVISIONED.type(),
        ProvisioningEvents.SOURCE,
        payload);
  }

  private static void send(String topic, String type, ObjectNode payload) {
    TestKafka.sendCloudEvent(
        TestKafka.topic(topic),
        payload.path("name").asText(),
        UUID.randomUUID().toString(),
        type,
        CatalogEvents.SOURCE,
        payload.toString());
  }

  /** The review of {@code product}'s round {@code round}, once governance opened it. */
  public static JsonNode awaitReview(String product, int round) {
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              String body =
                  given()
                      .auth()
                      .oauth2(BOARD)
                      .queryParam("product", product)
                      .when()
                      .get("/api/v1/reviews")
                      .then()
                      .statusCode(200)
                      .extract()
                      .asString();
              for (JsonNode review : JSON.readTree(body)) {
                if (review.path("round").asInt() == round) {
                  found[0] = review;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
