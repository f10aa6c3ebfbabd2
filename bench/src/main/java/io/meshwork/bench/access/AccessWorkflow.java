package io.meshwork.bench.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.bench.support.Load;
import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.governance.GovernanceEvents;
import io.meshwork.testing.KeycloakTokens;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.TestKafka;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The untimed part of a sample: the product's two ports provisioned, its publication (catalog's
 * event), the consumer's request, the owner's proposal, the consumer's acceptance and governance's
 * passed check (its event), then the timed approval.
 */
final class AccessWorkflow {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServiceEnvironment environment;
  private final String provisioning;
  private final String contracts;
  private final String run;
  private final String contract;
  private final KeycloakTokens tokens;
  private String owner;
  private String consumer;
  private Instant tokensAt = Instant.EPOCH;

  AccessWorkflow(
      ServiceEnvironment environment, String provisioning, String contracts, String run) {
    this.environment = environment;
    this.provisioning = provisioning;
    this.contracts = contracts;
    this.run = run;
    this.contract = "urn:contract:bench_access_" + run;
    this.tokens = environment.tokens();
  }

  void contract() {
    Load.send(
        Load.post(
                contracts + "/api/v1/contracts",
                """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s
                name: Bench segments
                version: 1.0.0
                status: active
                domain: sales
                schema:
                  - name: segments
                    logicalType: object
                    properties:
                      - {name: customer_id, logicalType: string, required: true}
                      - {name: segment, logicalType: string}
                """
                    .formatted(contract))
            .header("Authorization", "Bearer " + owner())
            .header("Content-Type", "application/yaml"));
  }

  /** A request of a new product, through to a passed compliance check; returns its id. */
  String readyToApprove(String sample) throws Exception {
    String product = "acc" + run + "_" + sample;
    provision(product, "postgres://");
    provision(product + "_t", "kafka://");
    TestKafka.sendCloudEvent(
        environment.kafkaBootstrapServers(),
        environment.topicPrefix() + CatalogEvents.DATA_PRODUCT_TOPIC,
        product,
        UUID.randomUUID().toString(),
        CatalogEvents.PUBLISHED.type(),
        CatalogEvents.SOURCE,
        """
        {"name":"%1$s","domain":"sales","owner":"crm-team","version":"1.0.0",
         "sources":[],"transformations":[],"outputPorts":["sales/%1$s","sales/%1$s_t"],
         "spec":{"product":{"name":"%1$s","domain":"sales","owner":"crm-team","version":"1.0.0",
                            "maxAccess":"P90D"},
                 "schema":[{"name":"customer_id","type":"string"},{"name":"segment","type":"string"},
                           {"name":"email","type":"string"}]},
         "publishedBy":"finn","publishedAt":"%2$s"}
        """
            .formatted(product, Instant.now()));
    String body =
        "{\"product\":\""
            + product
            + "\",\"fields\":[\"customer_id\",\"segment\"],\"purpose\":\"bench\",\"expiresAt\":\""
            + Instant.now().plus(30, ChronoUnit.DAYS)
            + "\"}";
    String id = null;
    for (int attempt = 0; id == null; attempt++) {
      try {
        id =
            parse(
                    Load.send(
                        Load.post(contracts + "/api/v1/access-requests", body)
                            .header("Authorization", "Bearer " + consumer())
                            .header("Content-Type", "application/json")))
                .path("id")
                .asText();
      } catch (IllegalStateException notYetPublished) {
        if (attempt > 200) {
          throw notYetPublished;
        }
        Thread.sleep(50);
      }
    }
    post(
        owner(),
        "/api/v1/access-requests/" + id + "/propose",
        "{\"contractId\":\"" + contract + "\",\"contractVersion\":\"1.0.0\"}");
    post(consumer(), "/api/v1/access-requests/" + id + "/accept", "{}");
    TestKafka.sendCloudEvent(
        environment.kafkaBootstrapServers(),
        environment.topicPrefix() + GovernanceEvents.ACCESS_CHECK_TOPIC,
        id,
        UUID.randomUUID().toString(),
        GovernanceEvents.ACCESS_CHECKED.type(),
        GovernanceEvents.SOURCE,
        """
        {"requestId":"%s","product":"%s","decision":"PASSED","reasons":["internal"],
         "checkedAt":"%s"}
        """
            .formatted(id, product, Instant.now()));
    for (int attempt = 0; ; attempt++) {
      JsonNode request =
          parse(
              Load.send(
                  Load.get(contracts + "/api/v1/access-requests/" + id)
                      .header("Authorization", "Bearer " + owner())));
      if ("PASSED".equals(request.path("compliance").asText())) {
        return id;
      }
      if (attempt > 600) {
        throw new IllegalStateException(id + " was not checked: " + request);
      }
      Thread.sleep(20);
    }
  }

  void approve(String id) {
    post(owner, "/api/v1/access-requests/" + id + "/approve", "{\"reason\":\"bench\"}");
  }

  /** A request that does no work, authenticated like the approval. */
  long trivial() {
    long start = System.nanoTime();
    Load.send(Load.get(contracts + "/api/v1/me").header("Authorization", "Bearer " + owner));
    return System.nanoTime() - start;
  }

  private void provision(String name, String storage) {
    String body =
        "{\"name\":\""
            + name
            + "\",\"domain\":\"sales\",\"storage\":\""
            + storage
            + "\",\"schemaDefinition\":[{\"name\":\"customer_id\",\"type\":\"string\"},"
            + "{\"name\":\"segment\",\"type\":\"string\"},{\"name\":\"email\",\"type\":\"string\"}]}";
    JsonNode answer =
        parse(
            Load.send(
                Load.post(provisioning + "/api/v1/datasets", body)
                    .header("Authorization", "Bearer " + owner())
                    .header("Content-Type", "application/json")
                    .header("Prefer", "wait=30")));
    if (!"READY".equals(answer.path("state").asText())) {
      throw new IllegalStateException(name + " is not READY: " + answer);
    }
  }

  private void post(String token, String path, String body) {
    Load.send(
        Load.post(contracts + path, body)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json"));
  }

  /** Fresh tokens now and then, so none expires mid-sample. */
  private String owner() {
    refresh();
    return owner;
  }

  private String consumer() {
    refresh();
    return consumer;
  }

  private void refresh() {
    if (Instant.now().isAfter(tokensAt.plusSeconds(60))) {
      owner = tokens.user("finn");
      consumer = tokens.user("cody");
      tokensAt = Instant.now();
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
