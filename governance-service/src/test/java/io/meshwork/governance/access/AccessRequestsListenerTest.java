package io.meshwork.governance.access;

import static io.meshwork.governance.GovernanceFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.governance.GovernanceEvents;
import io.meshwork.governance.GovernanceFixtures;
import io.meshwork.governance.product.KnownProduct;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** contract-registry asks for a compliance check on Kafka; governance answers on Kafka. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class AccessRequestsListenerTest {

  @Test
  void personalFieldsAskedForGoToTheBoardAndTheCheckIsAudited() {
    String domain = GovernanceFixtures.newDomain();
    String product = GovernanceFixtures.newProduct();
    String spec =
        """
        {"product":{"name":"%s","domain":"%s","owner":"team@company.com","version":"1.0.0"},
         "schema":[{"name":"customer_id","type":"string"},{"name":"email","type":"string"}]}
        """
            .formatted(product, domain);
    TestKafka.sendCloudEvent(
        TestKafka.topic(CatalogEvents.DATA_PRODUCT_TOPIC),
        product,
        UUID.randomUUID().toString(),
        CatalogEvents.PUBLISHED.type(),
        CatalogEvents.SOURCE,
        """
        {"name":"%s","domain":"%s","owner":"team@company.com","version":"1.0.0","sources":[],
         "transformations":[],"outputPorts":[],"spec":%s,"publishedBy":"mara","publishedAt":"%s"}
        """
            .formatted(product, domain, spec, Instant.now()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () -> {
                          KnownProduct known = KnownProduct.findById(product);
                          return known != null && "PUBLISHED".equals(known.status);
                        }));

    UUID request = UUID.randomUUID();
    TestKafka.sendCloudEvent(
        TestKafka.topic(AccessEvents.TOPIC),
        request.toString(),
        UUID.randomUUID().toString(),
        AccessEvents.COMPLIANCE_REQUESTED.type(),
        ContractEvents.SOURCE,
        """
        {"requestId":"%s","product":"%s","productDomain":"%s","consumer":"carl",
         "consumerDomain":"marketing","principal":"consumer_marketing","status":"COMPLIANCE_CHECK",
         "outputPorts":[],"fields":["customer_id","email"],"purpose":"churn","by":"carl",
         "at":"%s"}
        """
            .formatted(request, product, domain, Instant.now()));

    var answers =
        TestKafka.awaitRecords(
            TestKafka.topic(GovernanceEvents.ACCESS_CHECK_TOPIC),
            r -> request.toString().equals(r.key()),
            Duration.ofSeconds(30));
    assertThat(answers).hasSize(1);
    JsonPath answer = new JsonPath(answers.get(0).value());
    assertThat(answer.getString("decision")).isEqualTo("BOARD_REQUIRED");
    assertThat(answer.getString("reasons[0]")).contains("[email]");
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/audit?product={p}", product)
        .then()
        .statusCode(200)
        .body("action", hasItem("ACCESS_CHECKED"));
  }
}
