package io.meshwork.governance.review;

import static io.meshwork.governance.GovernanceFixtures.BOARD;
import static io.meshwork.governance.GovernanceFixtures.awaitReview;
import static io.meshwork.governance.GovernanceFixtures.json;
import static io.meshwork.governance.GovernanceFixtures.localPolicy;
import static io.meshwork.governance.GovernanceFixtures.newDomain;
import static io.meshwork.governance.GovernanceFixtures.newProduct;
import static io.meshwork.governance.GovernanceFixtures.putPolicy;
import static io.meshwork.governance.GovernanceFixtures.spec;
import static io.meshwork.governance.GovernanceFixtures.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.events.governance.GovernanceEvents;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ReviewWorkflowTest {

  /** A domain whose own policies: names start with the domain (hard), a description (soft). */
  private static String governedDomain() {
    String domain = newDomain();
    String id = domain.replace('-', '_');
    putPolicy(
            BOARD,
            "rules_" + id,
            localPolicy(
                    domain,
                    "names_" + id,
                    "hard-mandate",
                    "\"names\" = { kind = \"naming_pattern\", pattern = \"^prod_[a-z0-9]+$\" }")
                + "\npolicy \"tags_"
                + id
                + "\" {\n  enforcement_level = \"soft-mandate\"\n"
                + "  rules = { \"tags\" = { kind = \"required_metadata\", fields = [\"product.tags\"] } }\n}\n")
        .statusCode(201);
    return domain;
  }

  private static ValidatableResponse decide(String token, String id, String step, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/reviews/{id}/" + step, id)
        .then();
  }

  private static List<JsonNode> decisions(String product) {
    List<ConsumerRecord<String, String>> records =
        TestKafka.awaitRecords(
            TestKafka.topic(GovernanceEvents.REVIEW_TOPIC),
            r -> product.equals(r.key()),
            Duration.ofSeconds(20));
    return records.stream().map(r -> json(r.value())).toList();
  }

  @Test
  void aFailedHardMandateSendsTheProductBackAtOnceWithTheFindings() {
    String domain = governedDomain();
    String product = "orders_" + domain.replace('-', '_');
    submit(spec(product, domain, "1.0.0", null), 1);

    JsonNode review = awaitReview(product, 1);

    assertThat(review.path("status").asText()).isEqualTo("CHANGES_REQUESTED");
    assertThat(review.path("decidedBy").asText()).isEqualTo("governance-service");
    assertThat(review.path("comment").asText()).contains("failed hard mandate names_");
    List<JsonNode> decided = decisions(product);
    assertThat(decided).hasSize(1);
    JsonNode event = decided.get(0);
    assertThat(event.path("decision").asText()).isEqualTo("CHANGES_REQUESTED");
    assertThat(event.path("round").asInt()).isEqualTo(1);
    assertThat(event.path("version").asText()).isEqualTo("1.0.0");
    JsonNode names = null;
    for (JsonNode finding : event.path("findings")) {
      if (finding.path("rule").asText().equals("names")) {
        names = finding;
      }
    }
    assertThat(names).isNotNull();
    assertThat(names.path("outcome").asText()).isEqualTo("failed");
    assertThat(names.path("enforcement").asText()).isEqualTo("hard-mandate");
    assertThat(names.path("remediation").asText())
        .isEqualTo("Rename " + product + " to match ^prod_[a-z0-9]+$.");
  }

  @Test
  void aFailedSoftMandateBlocksApprovalUntilTheBoardOverridesItWithAReason() {
    String domain = governedDomain();
    String product = newProduct();
    submit(spec(product, domain, "1.0.0", null), 1);
    String id = awaitReview(product, 1).path("id").asText();

    decide(BOARD, id, "approve", "{\"comment\":\"fine\"}")
        .statusCode(409)
        .body("code", equalTo("governance.review.blocked"))
        .body("detail", containsString("(soft-mandate)"));
    decide(
            BOARD,
            id,
            "override",
            "{\"policy\":\"tags_" + domain.replace('-', '_') + "\",\"rule\":\"tags\"}")
        .statusCode(422)
        .body("violations[0].field", equalTo("comment"));
    decide(BOARD, id, "override", "{\"comment\":\"tags follow in 1.1\"}")
        .statusCode(200)
        .body("blocking", equalTo(false))
        .body("findings.outcome", hasItem("overridden"))
        .body("overrides[0].by", equalTo("greta"));
    decide(BOARD, id, "approve", "{\"comment\":\"approved with the override\"}")
        .statusCode(200)
        .body("status", equalTo("APPROVED"))
        .body("decidedBy", equalTo("greta"));

    JsonNode event = decisions(product).get(0);
    assertThat(event.path("decision").asText()).isEqualTo("APPROVED");
    assertThat(event.path("comment").asText()).isEqualTo("approved with the override");
    given()
        .auth()
        .oauth2(BOARD)
        .queryParam("product", product)
        .when()
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("action", contains("EVALUATED", "REVIEW_OPENED", "OVERRIDDEN", "APPROVED"))
        .body("[2].details.overrides[0].comment", equalTo("tags follow in 1.1"))
        .body("[3].actor", equalTo("greta"))
        .body("[0].policies.document", hasItem("rules_" + domain.replace('-', '_')));
  }

  @Test
  void aResubmissionOpensTheNextRoundLinkedToTheLast() {
    String domain = governedDomain();
    String product = newProduct();
    submit(spec(product, domain, "1.0.0", null), 1);
    String first = awaitReview(product, 1).path("id").asText();
    decide(BOARD, first, "request-changes", "{\"comment\":\"add tags\"}")
        .statusCode(200)
        .body("status", equalTo("CHANGES_REQUESTED"));

    submit(spec(product, domain, "1.0.1", null), 2);
    JsonNode second = awaitReview(product, 2);

    assertThat(second.path("previousReview").asText()).isEqualTo(first);
    assertThat(second.path("status").asText()).isEqualTo("OPEN");
    assertThat(second.path("version").asText()).isEqualTo("1.0.1");
  }

  @Test
  void onlyTheBoardDecidesAndOwnersSeeOnlyTheirDomainsReviews() {
    String domain = governedDomain();
    String product = newProduct();
    submit(spec(product, domain, "1.0.0", null), 1);
    String id = awaitReview(product, 1).path("id").asText();

    given()
        .contentType("application/json")
        .body("{}")
        .when()
        .post("/api/v1/reviews/{id}/approve", id)
        .then()
        .statusCode(401);
    decide(TestTokens.domainOwner(domain), id, "approve", "{}").statusCode(403);
    decide(TestTokens.platformAdmin(), id, "request-changes", "{\"comment\":\"x\"}")
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.consumer(domain))
        .when()
        .get("/api/v1/reviews")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.domainOwner(domain))
        .queryParam("status", "open")
        .when()
        .get("/api/v1/reviews")
        .then()
        .statusCode(200)
        .body("product", contains(product));
    given()
        .auth()
        .oauth2(TestTokens.domainOwner("elsewhere"))
        .queryParam("product", product)
        .when()
        .get("/api/v1/reviews")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    given()
        .auth()
        .oauth2(TestTokens.domainOwner("elsewhere"))
        .when()
        .get("/api/v1/reviews/{id}", id)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(BOARD)
        .queryParam("status", "pending")
        .when()
        .get("/api/v1/reviews")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("status"));
  }

  @Test
  void aDecidedReviewCannotBeDecidedAgain() {
    String domain = governedDomain();
    String product = "orders_" + domain.replace('-', '_');
    submit(spec(product, domain, "1.0.0", null), 1);
    String id = awaitReview(product, 1).path("id").asText();

    decide(BOARD, id, "approve", "{}")
        .statusCode(409)
        .body("code", equalTo("governance.review.closed"))
        .body("detail", containsString("the owner resubmits"));
  }
}
