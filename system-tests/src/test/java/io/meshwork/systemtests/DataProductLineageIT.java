package io.meshwork.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.meshwork.events.governance.GovernanceEvents;
import io.meshwork.testing.KeycloakTokens;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import io.meshwork.testing.TestKafka;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's customer_360 across catalog-service and lineage-service: put verbatim, submitted,
 * approved by a governance decision on Kafka (as governance-service sends them), published; then
 * the seed's lineage query shows the sources the spec declares.
 */
class DataProductLineageIT {

  private static ServiceEnvironment environment;
  private static ServiceProcess catalog;
  private static ServiceProcess lineage;
  private static KeycloakTokens tokens;

  @BeforeAll
  static void startServices() {
    environment = ServiceEnvironment.create();
    catalog = environment.start("catalog-service");
    lineage = environment.start("lineage-service");
    tokens = environment.tokens();
  }

  @AfterAll
  static void stopServices() {
    for (ServiceProcess service : new ServiceProcess[] {lineage, catalog}) {
      if (service != null) {
        service.close();
      }
    }
    if (environment != null) {
      environment.close();
    }
  }

  private static String seedYaml() throws IOException {
    return Files.readString(
        Path.of("..", "catalog-service", "src", "test", "resources", "specs", "customer_360.yaml"));
  }

  @Test
  void aPublishedCustomer360ShowsItsDeclaredSourcesInTheSeedsLineageQuery() throws Exception {
    given()
        .baseUri(catalog.baseUrl())
        .auth()
        .oauth2(tokens.user("ada"))
        .contentType(ContentType.JSON)
        .body("{\"name\":\"marketing\",\"ownerTeam\":\"CRM Team\"}")
        .when()
        .post("/api/v1/domains")
        .then()
        .statusCode(201);
    String mara = tokens.user("mara");
    given()
        .baseUri(catalog.baseUrl())
        .auth()
        .oauth2(mara)
        .contentType("application/yaml")
        .body(seedYaml().getBytes(StandardCharsets.UTF_8))
        .when()
        .put("/api/v1/data-products/customer_360")
        .then()
        .statusCode(201);
    given()
        .baseUri(catalog.baseUrl())
        .auth()
        .oauth2(mara)
        .when()
        .post("/api/v1/data-products/customer_360/submit")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUBMITTED"));

    // Governance's decision, on the topic and in the shape governance-service sends it.
    TestKafka.sendCloudEvent(
        environment.kafkaBootstrapServers(),
        environment.topicPrefix() + GovernanceEvents.REVIEW_TOPIC,
        "customer_360",
        UUID.randomUUID().toString(),
        GovernanceEvents.REVIEW_DECIDED.type(),
        GovernanceEvents.SOURCE,
        """
        {"reviewId":"%s","product":"customer_360","domain":"marketing","version":"1.2.0",
         "round":1,"decision":"APPROVED","decidedBy":"greta","findings":[],
         "decidedAt":"2026-12-04T10:00:00Z"}
        """
            .formatted(UUID.randomUUID()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                        .baseUri(catalog.baseUrl())
                        .auth()
                        .oauth2(mara)
                        .when()
                        .post("/api/v1/data-products/customer_360/publish")
                        .then()
                        .extract()
                        .statusCode()
                    == 200);

    String cody = tokens.user("cody");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .baseUri(lineage.baseUrl())
                    .auth()
                    .oauth2(cody)
                    .contentType(ContentType.JSON)
                    .body(
                        Map.of(
                            "query",
                            """
                            query {
                              dataset(name: "customer_360") {
                                upstream {
                                  name
                                  lastUpdated
                                }
                                downstream {
                                  name
                                  usageType
                                }
                              }
                            }
                            """))
                    .when()
                    .post("/graphql")
                    .then()
                    .statusCode(200)
                    .body(
                        "data.dataset.upstream.name",
                        containsInAnyOrder(
                            "crm_system/v2/customers", "billing/invoices", "web/analytics"))
                    .body("data.dataset.downstream", equalTo(List.of())));

    // And discovery finds it, published, by its exact name first.
    given()
        .baseUri(catalog.baseUrl())
        .auth()
        .oauth2(cody)
        .queryParam("q", "customer_360")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("results[0].name", equalTo("customer_360"))
        .body("results[0].status", equalTo("PUBLISHED"));
  }
}
