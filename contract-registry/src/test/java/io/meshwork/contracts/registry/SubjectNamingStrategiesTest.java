package io.meshwork.contracts.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Subjects named by each of Confluent's naming strategies register for the domain they belong to,
 * and domain isolation holds for each.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class SubjectNamingStrategiesTest {

  private static final String MARKETING = TestTokens.domainOwner("marketing");
  private static final String FINANCE = TestTokens.domainOwner("finance");

  private static String record(String namespace, String name) {
    return ("{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"%s\\\","
            + "\\\"namespace\\\":\\\"%s\\\",\\\"fields\\\":[{\\\"name\\\":\\\"id\\\","
            + "\\\"type\\\":\\\"string\\\"}]}\"}")
        .formatted(name, namespace);
  }

  private static ValidatableResponse register(String token, String subject, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/vnd.schemaregistry.v1+json")
        .body(body)
        .when()
        .post("/subjects/{s}/versions", subject)
        .then();
  }

  private static String domainOf(String subject) {
    return QuarkusTransaction.requiringNew().call(() -> Subject.<Subject>findById(subject).domain);
  }

  @Test
  void eachStrategysSubjectBelongsToTheRegisteringOwnersDomain() {
    String suffix = Fixtures.randomSuffix(6);
    String namespace = "com.acme.orders" + suffix;
    String topic = "orders" + suffix;
    for (String subject :
        List.of(
            topic + "-value",
            namespace + ".OrderPlaced",
            topic + "-" + namespace + ".OrderPlaced")) {
      register(MARKETING, subject, record(namespace, "OrderPlaced")).statusCode(200);
      assertThat(domainOf(subject)).as(subject).isEqualTo("marketing");
    }
  }

  @Test
  void aDomainNamedByTheFirstSegmentOrAPrefixMapKeepsItsSubjectsToItself() {
    String suffix = Fixtures.randomSuffix(6);
    // finance is known once it owns a subject; then its first-segment subjects are its own.
    register(FINANCE, "finance.ledger" + suffix + "-value", record("com.acme.ledger", "Entry"))
        .statusCode(200);
    register(MARKETING, "finance.payouts" + suffix + "-value", record("com.acme.pay", "Payout"))
        .statusCode(403)
        .body("error_code", equalTo(40301))
        .body("message", containsString("domain 'finance'"));
    // com.acme.finance is mapped to finance (application.properties, %test).
    String mapped = "com.acme.finance.Invoice" + suffix;
    register(MARKETING, mapped, record("com.acme.finance", "Invoice" + suffix))
        .statusCode(403)
        .body("message", containsString("domain 'finance'"));
    register(FINANCE, mapped, record("com.acme.finance", "Invoice" + suffix)).statusCode(200);
    assertThat(domainOf(mapped)).isEqualTo("finance");
  }

  @Test
  void subjectNamesAreSplitAsEachStrategyBuildsThem() {
    assertThat(SubjectNames.of("marketing.orders-value"))
        .isEqualTo(new SubjectNames("marketing.orders-value", "marketing.orders", null));
    assertThat(SubjectNames.of("com.acme.orders.OrderPlaced").parts())
        .containsExactly("com.acme.orders.OrderPlaced");
    SubjectNames topicRecord = SubjectNames.of("order-events-com.acme.orders.OrderPlaced");
    assertThat(topicRecord.topic()).isEqualTo("order-events");
    assertThat(topicRecord.record()).isEqualTo("com.acme.orders.OrderPlaced");
    assertThat(topicRecord.firstSegment()).isNull();
    assertThat(SubjectNames.of("marketing.customers-key").firstSegment()).isEqualTo("marketing");
    assertThat(
            SubjectAccess.mappedDomain(
                SubjectNames.of("com.acme.ordersx.Placed"), Map.of("com.acme.orders", "sales")))
        .isEmpty();
    assertThat(
            SubjectAccess.mappedDomain(
                SubjectNames.of("t-com.acme.orders.eu.Placed"),
                Map.of("com.acme.orders", "sales", "com.acme.orders.eu", "eu-sales")))
        .contains("eu-sales");
  }
}
