package io.meshwork.catalog.product;

import static io.meshwork.catalog.CatalogFixtures.ADMIN;
import static io.meshwork.catalog.CatalogFixtures.put;
import static io.meshwork.catalog.CatalogFixtures.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.meshwork.catalog.CatalogFixtures;
import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** PUT, GET, versions and diff of /api/v1/data-products, and who may do what. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class DataProductResourceTest {

  private static void ensureMarketing() {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body("{\"name\":\"marketing\",\"ownerTeam\":\"CRM Team\"}")
        .when()
        .post("/api/v1/domains");
  }

  @Test
  void theSeedsCustomer360IsAcceptedVerbatimAndReadBackAsWritten() {
    ensureMarketing();
    String owner = TestTokens.domainOwner("marketing");
    // The seed's name is unique to this test run's database.
    String created =
        put(owner, "customer_360", CatalogFixtures.seedYaml())
            .statusCode(201)
            .body("name", equalTo("customer_360"))
            .body("domain", equalTo("marketing"))
            .body("owner", equalTo("data-team@company.com"))
            .body("version", equalTo("1.2.0"))
            .body("status", equalTo("DRAFT"))
            .body("changed", equalTo(true))
            .body("serviceLevels.availability", equalTo("99.95%"))
            .body("spec.schema.name", contains("customer_id", "lifetime_value"))
            .body("spec.schema[0].constraints.pattern", equalTo("^CUST-\\d{8}$"))
            .body("spec.lineage.sources", hasItem("billing/invoices"))
            .extract()
            .asString();
    assertThat(created).doesNotContain("publishedVersion");

    String yaml =
        given()
            .auth()
            .oauth2(TestTokens.consumer("marketing"))
            .accept("application/yaml")
            .when()
            .get("/api/v1/data-products/customer_360")
            .then()
            .statusCode(200)
            .contentType(containsString("yaml"))
            .extract()
            .asString();
    assertThat(yaml).isEqualTo(CatalogFixtures.seedYaml());

    // The same document again: nothing changes, the version stays.
    put(owner, "customer_360", CatalogFixtures.seedYaml())
        .statusCode(200)
        .body("version", equalTo("1.2.0"))
        .body("changed", equalTo(false));
    given()
        .auth()
        .oauth2(owner)
        .when()
        .get("/api/v1/data-products/customer_360/versions")
        .then()
        .statusCode(200)
        .body("version", contains("1.2.0"))
        .body("[0].createdBy", equalTo("owner-marketing"));

    List<ConsumerRecord<String, String>> events =
        TestKafka.awaitRecords(
            TestKafka.topic(CatalogEvents.DATA_PRODUCT_TOPIC),
            record ->
                "customer_360".equals(record.key())
                    && CatalogEvents.VERSION_CREATED
                        .type()
                        .equals(TestKafka.header(record, "ce_type")),
            Duration.ofSeconds(20));
    assertThat(events).hasSize(1);
    assertThat(events.get(0).value())
        .contains("\"version\":\"1.2.0\"")
        .contains("crm_system/v2/customers");
  }

  @Test
  void theSameDocumentAsJsonIsTheSameProduct() {
    String domain = CatalogFixtures.newDomain();
    String name = Fixtures.newName("orders");
    String json =
        """
        {"product":{"name":"%s","domain":"%s","owner":"sales-team","version":"0.1.0"},
         "schema":[{"name":"order_id","type":"string","constraints":{"required":true}}]}
        """
            .formatted(name, domain);
    String owner = TestTokens.domainOwner(domain);
    given()
        .auth()
        .oauth2(owner)
        .contentType("application/json")
        .body(json)
        .when()
        .put("/api/v1/data-products/{n}", name)
        .then()
        .statusCode(201);
    put(
            owner,
            name,
            "product: {name: %s, domain: %s, owner: sales-team, version: 0.1.0}\nschema: [{name: order_id, type: string, constraints: {required: true}}]\n"
                .formatted(name, domain))
        .statusCode(200)
        .body("changed", equalTo(false));
    // Asked for YAML, a product written as JSON comes out as YAML.
    String yaml =
        given()
            .auth()
            .oauth2(owner)
            .accept("application/yaml")
            .when()
            .get("/api/v1/data-products/{n}", name)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(yaml).contains("name: " + name).contains("- name: order_id");
  }

  @Test
  void versionsRiseAndBreakingChangesNeedANewMajor() {
    String domain = CatalogFixtures.newDomain();
    String name = Fixtures.newName("customers");
    String owner = TestTokens.domainOwner(domain);
    put(owner, name, spec(name, domain, "1.0.0", null)).statusCode(201);

    // A field added, a looser constraint: a minor version will do.
    put(owner, name, spec(name, domain, "1.1.0", "  - name: score\n    type: integer"))
        .statusCode(200)
        .body("version", equalTo("1.1.0"))
        .body("changed", equalTo(true));
    // New content under the same or a lower version is refused.
    put(owner, name, spec(name, domain, "1.1.0", "  - name: score\n    type: bigint"))
        .statusCode(422)
        .body("violations[0].field", equalTo("product.version"))
        .body("violations[0].message", containsString("must be above the current version 1.1.0"));
    // Retyping a field breaks consumers: 1.2.0 is not enough, 2.0.0 is.
    put(owner, name, spec(name, domain, "1.2.0", "  - name: score\n    type: string"))
        .statusCode(422)
        .body(
            "violations[0].message",
            equalTo(
                "field score changed type from integer to string: needs a new major version"
                    + " (2.0.0), got 1.2.0"));
    put(owner, name, spec(name, domain, "2.0.0", "  - name: score\n    type: string"))
        .statusCode(200)
        .body("version", equalTo("2.0.0"));
    // Removing a field too.
    put(
            owner,
            name,
            spec(name, domain, "2.1.0", "").replace("  - name: segment\n    type: string\n", ""))
        .statusCode(422)
        .body("violations.message", hasItem(containsString("field segment was removed")));

    given()
        .auth()
        .oauth2(owner)
        .queryParam("from", "1.0.0")
        .queryParam("to", "2.0.0")
        .when()
        .get("/api/v1/data-products/{n}/diff", name)
        .then()
        .statusCode(200)
        .body("breaking", equalTo(false))
        .body("changes.addedFields", contains("score"))
        .body("changes.removedFields", nullValue())
        .body("changes.breaking", nullValue());
    given()
        .auth()
        .oauth2(owner)
        .queryParam("from", "1.1.0")
        .queryParam("to", "2.0.0")
        .when()
        .get("/api/v1/data-products/{n}/diff", name)
        .then()
        .statusCode(200)
        .body("changes.retypedFields[0].field", equalTo("score"))
        .body("changes.retypedFields[0].from", equalTo("integer"))
        .body("changes.retypedFields[0].to", equalTo("string"));
    given()
        .auth()
        .oauth2(owner)
        .when()
        .get("/api/v1/data-products/{n}/versions", name)
        .then()
        .body("version", contains("1.0.0", "1.1.0", "2.0.0"));
    given()
        .auth()
        .oauth2(owner)
        .accept("application/json")
        .when()
        .get("/api/v1/data-products/{n}/versions/1.1.0", name)
        .then()
        .statusCode(200)
        .body("product.version", equalTo("1.1.0"))
        .body("schema.name", hasItem("score"));
  }

  @Test
  void tighteningAConstraintNeedsAMajorVersionAndSaysWhich() {
    String domain = CatalogFixtures.newDomain();
    String name = Fixtures.newName("accounts");
    String owner = TestTokens.domainOwner(domain);
    put(
            owner,
            name,
            spec(
                name,
                domain,
                "1.0.0",
                "  - name: score\n    type: integer\n    constraints: {min: 0}"))
        .statusCode(201);
    put(
            owner,
            name,
            spec(
                name,
                domain,
                "1.1.0",
                "  - name: score\n    type: integer\n    constraints: {min: 10}"))
        .statusCode(422)
        .body(
            "violations[0].message",
            containsString("constraint min of field score was tightened (0 -> 10)"));
  }

  @Test
  void anInvalidDocumentIs422NamingEveryProblemAndStoresNothing() {
    String domain = CatalogFixtures.newDomain();
    String name = Fixtures.newName("broken");
    String owner = TestTokens.domainOwner(domain);
    put(
            owner,
            name,
            """
            product: {name: %s, domain: %s, owner: x, version: one}
            schema:
              - {name: a, type: "decimal(12,2)", constraints: {min: 5, max: 1}}
            service: {availability: lots}
            """
                .formatted(name, domain))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("catalog.data-product.invalid"))
        .body(
            "violations.field",
            contains(
                "product.owner",
                "product.version",
                "schema[0].constraints.min",
                "service.availability"));
    given()
        .auth()
        .oauth2(owner)
        .when()
        .get("/api/v1/data-products/{n}", name)
        .then()
        .statusCode(404)
        .body("code", equalTo("catalog.data-product.not-found"));
    // Unreadable YAML is a 400 with the place.
    put(owner, name, "product: [unclosed")
        .statusCode(400)
        .body("code", equalTo("catalog.data-product.unreadable"))
        .body("detail", containsString("line"));
    // An unknown domain.
    put(owner, name, spec(name, "nosuchdomain", "1.0.0", null)).statusCode(403);
    put(ADMIN, name, spec(name, "nosuchdomain", "1.0.0", null))
        .statusCode(422)
        .body("violations[0].field", equalTo("product.domain"))
        .body("violations[0].message", containsString("no data domain 'nosuchdomain'"));
  }

  @Test
  void onlyOwnersOfTheDomainAndAdminsWrite() {
    String domain = CatalogFixtures.newDomain();
    String name = Fixtures.newName("guarded");
    String yaml = spec(name, domain, "1.0.0", null);
    given()
        .contentType("application/yaml")
        .body(yaml.getBytes(StandardCharsets.UTF_8))
        .when()
        .put("/api/v1/data-products/{n}", name)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    put(TestTokens.consumer(domain), name, yaml)
        .statusCode(403)
        .body("code", equalTo("auth.forbidden"));
    put(TestTokens.domainOwner("someone-else"), name, yaml)
        .statusCode(403)
        .body("code", equalTo("auth.domain-forbidden"));
    put(ADMIN, name, yaml).statusCode(201);
    // Readers need only a token.
    given()
        .auth()
        .oauth2(TestTokens.consumer("other"))
        .when()
        .get("/api/v1/data-products/{n}", name)
        .then()
        .statusCode(200);
    given().when().get("/api/v1/data-products/{n}", name).then().statusCode(401);
    // And the domain's owner may change it after an admin made it.
    put(
            TestTokens.domainOwner(domain),
            name,
            spec(name, domain, "1.0.1", "  - name: note\n    type: string"))
        .statusCode(200);
  }
}
