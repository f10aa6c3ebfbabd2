package io.meshwork.contracts.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestKafka;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ContractResourceTest {

  private static final String OWNER = TestTokens.domainOwner("marketing");

  /** The seed's contract, as written there. */
  private static final String SEED =
      """
      {
        "schema": {
          "order_id": {"type": "string", "required": true},
          "amount": {"type": "number", "min": 0},
          "currency": {"enum": ["USD", "EUR", "JPY"]}
        },
        "metadata": {
          "owner": "finance-team@company.com",
          "SLA": "99.9% availability"
        }
      }
      """;

  private static String odcs(String id, String version, String extraProperty, String availability) {
    return """
        apiVersion: v3.1.0
        kind: DataContract
        id: %s
        name: Orders
        version: %s
        status: draft
        domain: marketing
        description:
          purpose: Confirmed customer orders.
        schema:
          - name: orders
            physicalName: orders
            physicalType: table
            logicalType: object
            quality:
              - {name: orders_row_count, metric: rowCount, mustBeBetween: [1, 1000000]}
            properties:
              - name: order_id
                logicalType: string
                required: true
                unique: true
                primaryKey: true
              - name: status
                logicalType: string
                required: true
                logicalTypeOptions: {maxLength: 16}
                quality:
                  - name: status_valid
                    metric: invalidValues
                    arguments:
                      validValues: [PLACED, SHIPPED, DELIVERED]
                    mustBe: 0
              - name: amount
                logicalType: number
                required: true
                logicalTypeOptions: {minimum: 0}
        %s
        slaProperties:
          - {property: latency, value: 1, unit: d}
          - {property: availability, value: %s, unit: percent}
        team:
          name: orders-team
          members:
            - {username: mara, role: owner}
        servers:
          - {server: local, type: postgres, host: 127.0.0.1, port: 5432, database: warehouse, schema: marketing}
        """
        .formatted(id, version, extraProperty, availability);
  }

  /** An extra optional property, in the properties list's indentation. */
  private static String extraProperty(String name) {
    return "      - name: " + name + "\n        logicalType: string\n        required: false\n";
  }

  private static final String CUSTOMER_PROPERTY = extraProperty("customer_id");

  @BeforeAll
  static void yamlIsText() {
    RestAssured.config =
        RestAssured.config()
            .encoderConfig(
                EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/yaml", ContentType.TEXT));
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token);
  }

  private static String newId() {
    return "marketing." + Fixtures.newName("orders");
  }

  private static void createYaml(String body, int status) {
    as(OWNER)
        .contentType("application/yaml")
        .body(body)
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(status);
  }

  @Test
  void seedContractIsStoredAsOdcsAndExportsBackToTheSeedFormat() {
    String name = Fixtures.newName("payments");
    String id = "marketing." + name;
    as(OWNER)
        .contentType("application/json")
        .queryParam("name", name)
        .body(SEED)
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/contracts/" + id + "/versions/1.0.0"))
        .body("id", equalTo(id))
        .body("domain", equalTo("marketing"))
        .body("version", equalTo("1.0.0"))
        .body("status", equalTo("draft"))
        .body("sourceFormat", equalTo("SEED"));

    as(OWNER)
        .when()
        .get("/api/v1/contracts/{id}/versions/1.0.0", id)
        .then()
        .statusCode(200)
        .body("apiVersion", equalTo("v3.1.0"))
        .body("kind", equalTo("DataContract"))
        .body("schema[0].properties.name", equalTo(List.of("order_id", "amount", "currency")))
        .body("schema[0].properties[1].logicalTypeOptions.minimum", equalTo(0))
        .body("schema[0].properties[2].quality[0].metric", equalTo("invalidValues"))
        .body(
            "schema[0].properties[2].quality[0].arguments.validValues",
            equalTo(List.of("USD", "EUR", "JPY")))
        .body("slaProperties[0].property", equalTo("availability"))
        .body("slaProperties[0].value", equalTo(99.9f))
        .body("team.members[0].username", equalTo("finance-team@company.com"));

    as(OWNER)
        .queryParam("format", "seed")
        .when()
        .get("/api/v1/contracts/{id}/versions/1.0.0", id)
        .then()
        .statusCode(200)
        .body("schema.order_id.type", equalTo("string"))
        .body("schema.order_id.required", equalTo(true))
        .body("schema.amount.min", equalTo(0))
        .body("schema.currency.enum", equalTo(List.of("USD", "EUR", "JPY")))
        .body("metadata.owner", equalTo("finance-team@company.com"))
        .body("metadata.SLA", equalTo("99.9% availability"));
  }

  @Test
  void odcsYamlIsStoredAndExportedAsYaml() {
    String id = newId();
    createYaml(odcs(id, "1.0.0", "", "99.9"), 201);
    String yaml =
        as(OWNER)
            .accept("application/yaml")
            .when()
            .get("/api/v1/contracts/{id}/versions/1.0.0", id)
            .then()
            .statusCode(200)
            .contentType(containsString("yaml"))
            .extract()
            .asString();
    assertThat(yaml).contains("apiVersion: v3.1.0").contains("name: order_id").contains("- PLACED");
  }

  @Test
  void malformedYamlIs422WithItsLocation() {
    as(OWNER)
        .contentType("application/yaml")
        .body("apiVersion: v3.1.0\nkind: [DataContract\n")
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("contracts.contract.invalid-document"))
        .body("violations[0].field", equalTo("$"))
        .body("violations[0].message", containsString("line"));
  }

  @Test
  void invalidOdcsDocumentNamesEveryViolationByPath() {
    String doc =
        """
        apiVersion: v3.1.0
        kind: DataContract
        version: one
        status: active
        domain: marketing
        schema:
          - name: orders
            properties:
              - name: status
                logicalType: text
                enum: [A, B]
                quality:
                  - {metric: nullValues, mustBe: 0, mustBeLessThan: 3}
        slaProperties:
          - {value: 3}
        """;
    as(OWNER)
        .contentType("application/yaml")
        .body(doc)
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(422)
        .body(
            "violations.field",
            hasItems(
                "id",
                "version",
                "schema[0].properties[0].logicalType",
                "schema[0].properties[0].enum",
                "schema[0].properties[0].quality[0]",
                "slaProperties[0].property"));
  }

  @Test
  void invalidSeedDocumentNamesItsFields() {
    as(OWNER)
        .contentType("application/json")
        .queryParam("name", "bad_payments")
        .body("{\"schema\":{\"amount\":{\"type\":\"money\",\"min\":\"zero\"}},\"metadata\":{}}")
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(422)
        .body("violations.field", hasItems("schema.amount.type", "schema.amount.min"));
  }

  @Test
  void breakingChangeNeedsAMajorVersionAndSaysWhich() {
    String id = newId();
    createYaml(odcs(id, "1.0.0", CUSTOMER_PROPERTY, "99.9"), 201);
    // Removing customer_id and promising less availability in a minor version.
    as(OWNER)
        .contentType("application/yaml")
        .body(odcs(id, "1.1.0", "", "99.0"))
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(422)
        .body("code", equalTo("contracts.contract.breaking-change-needs-major"))
        .body(
            "violations.field",
            hasItems("schema.orders.properties.customer_id", "slaProperties.availability"))
        .body("violations.message", hasItem(containsString("FIELD_REMOVED")))
        .body("violations.message", hasItem(containsString("SLA_WEAKENED")));
    // A compatible minor version (an optional field added) passes and lists the change.
    as(OWNER)
        .contentType("application/yaml")
        .body(odcs(id, "1.1.0", CUSTOMER_PROPERTY + extraProperty("channel"), "99.9"))
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(201)
        .body("changes.kind", hasItem("FIELD_ADDED"))
        .body("changes.severity", hasItem("INFO"));
    // The same breaking change with a major bump is accepted.
    as(OWNER)
        .contentType("application/yaml")
        .body(odcs(id, "2.0.0", "", "99.0"))
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(201)
        .body(
            "changes.findAll { it.severity == 'BREAKING' }.kind",
            hasItems("FIELD_REMOVED", "SLA_WEAKENED"));
    as(OWNER)
        .queryParam("from", "1.0.0")
        .queryParam("to", "2.0.0")
        .when()
        .get("/api/v1/contracts/{id}/diff", id)
        .then()
        .statusCode(200)
        .body("breaking", equalTo(true));
  }

  @Test
  void versionsOnlyIncreaseAndAreImmutable() {
    String id = newId();
    createYaml(odcs(id, "1.2.0", "", "99.9"), 201);
    createYaml(odcs(id, "1.2.0", "", "99.9"), 409);
    as(OWNER)
        .contentType("application/yaml")
        .body(odcs(id, "1.1.0", "", "99.9"))
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(422)
        .body("code", equalTo("contracts.contract.version-not-increasing"));
  }

  @Test
  void activeAgreementOnAMajorBlocksBreakingChangesUntilItEnds() {
    String id = newId();
    createYaml(odcs(id, "1.0.0", CUSTOMER_PROPERTY, "99.9"), 201);
    transition(id, "1.0.0", "proposed", 200);
    transition(id, "1.0.0", "active", 200);
    String consumer = TestTokens.consumer("sales");
    String agreement =
        as(consumer)
            .contentType("application/json")
            .body("{\"purpose\":\"weekly revenue report\"}")
            .when()
            .post("/api/v1/contracts/{id}/agreements", id)
            .then()
            .statusCode(201)
            .body("major", equalTo(1))
            .body("status", equalTo("ACTIVE"))
            .body("consumerDomain", equalTo("sales"))
            .extract()
            .path("id");
    as(OWNER)
        .contentType("application/yaml")
        .body(odcs(id, "2.0.0", "", "99.9"))
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(409)
        .body("code", equalTo("contracts.contract.pinned-by-agreements"))
        .body("detail", containsString("consumer"))
        .body("violations.field", hasItem("schema.orders.properties.customer_id"));
    // Deprecating the pinned major needs a sunset date; it tells the consumers, and then the new
    // major may go beside it. Retiring the pinned major stays refused until the agreement ends.
    transition(id, "1.0.0", "deprecated", 422);
    deprecate(id, "1.0.0", Instant.now().minusSeconds(60), null, 422);
    deprecate(id, "1.0.0", Instant.now().plus(90, ChronoUnit.DAYS), "2.0.0", 422);
    Instant sunset = Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    deprecate(id, "1.0.0", sunset, null, 200);
    var told =
        TestKafka.awaitRecords(
            TestKafka.topic(ContractEvents.CONTRACT_TOPIC),
            r ->
                id.equals(r.key())
                    && ContractEvents.MAJOR_DEPRECATED
                        .type()
                        .equals(TestKafka.header(r, "ce_type")),
            Duration.ofSeconds(20));
    assertThat(told).hasSize(1);
    JsonPath event = new JsonPath(told.get(0).value());
    assertThat(event.getInt("major")).isEqualTo(1);
    assertThat(Instant.parse(event.getString("sunsetAt"))).isEqualTo(sunset);
    assertThat(event.getList("agreements.agreementId")).containsExactly(agreement);
    createYaml(odcs(id, "2.0.0", "", "99.9"), 201);
    transition(id, "1.0.0", "retired", 409);
    as(consumer)
        .when()
        .delete("/api/v1/contracts/{id}/agreements/{a}", id, agreement)
        .then()
        .statusCode(200)
        .body("status", equalTo("ENDED"));
    transition(id, "1.0.0", "retired", 200);
  }

  private static void deprecate(
      String id, String version, Instant sunsetAt, String successor, int expected) {
    as(OWNER)
        .contentType("application/json")
        .body(
            "{\"status\":\"deprecated\",\"reason\":\"v2 splits the name\",\"sunsetAt\":\""
                + sunsetAt
                + "\""
                + (successor == null ? "" : ",\"successor\":\"" + successor + "\"")
                + "}")
        .when()
        .post("/api/v1/contracts/{id}/versions/{v}/status", id, version)
        .then()
        .statusCode(expected);
  }

  @Test
  void lifecycleMovesAreCheckedAuditedAndEvented() {
    String id = newId();
    createYaml(odcs(id, "1.0.0", "", "99.9"), 201);
    transition(id, "1.0.0", "active", 409);
    transition(id, "1.0.0", "proposed", 200);
    transition(id, "1.0.0", "active", 200);
    as(OWNER)
        .when()
        .get("/api/v1/contracts/{id}/audit", id)
        .then()
        .statusCode(200)
        .body("action", equalTo(List.of("CREATED", "STATUS_CHANGED", "STATUS_CHANGED")))
        .body("toStatus", equalTo(List.of("draft", "proposed", "active")))
        .body("actor", hasItem("owner-marketing"));
    as(OWNER)
        .when()
        .get("/api/v1/contracts/{id}/versions/1.0.0", id)
        .then()
        .body("status", equalTo("active"));
    assertThat(
            TestKafka.awaitRecords(
                TestKafka.topic(ContractEvents.CONTRACT_TOPIC),
                r -> id.equals(r.key()) && r.value().contains("\"to\":\"active\""),
                Duration.ofSeconds(20)))
        .hasSize(1);
  }

  @Test
  void qualityGateReportsEveryBadRecordField() {
    String id = newId();
    createYaml(odcs(id, "1.0.0", "", "99.9"), 201);
    String records =
        """
        [
          {"order_id": "o-1", "status": "PLACED", "amount": 10.5},
          {"status": "LOST", "amount": -1},
          {"order_id": 7, "status": "SHIPPED", "amount": "ten"},
          "not an object"
        ]
        """;
    as(TestTokens.consumer())
        .contentType("application/json")
        .body(records)
        .when()
        .post("/api/v1/contracts/{id}/validate", id)
        .then()
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("records", equalTo(4))
        .body("invalidRecords", equalTo(3))
        .body("errors", hasSize(6))
        .body(
            "errors.findAll { it.record == 1 }.rule",
            equalTo(List.of("required", "enum", "minimum")))
        .body("errors.findAll { it.record == 2 }.field", equalTo(List.of("order_id", "amount")))
        .body("errors.findAll { it.record == 2 }.rule", equalTo(List.of("type", "type")))
        .body("errors.findAll { it.record == 3 }.field", equalTo(List.of("$")));
    as(TestTokens.consumer())
        .contentType("application/json")
        .body("{\"records\":[{\"order_id\":\"a\",\"status\":\"DELIVERED\",\"amount\":0}]}")
        .when()
        .post("/api/v1/contracts/{id}/validate", id)
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("errors", hasSize(0));
  }

  @Test
  void qualityGateRefusesBodiesThatAreNotRecordLists() {
    String id = newId();
    createYaml(odcs(id, "1.0.0", "", "99.9"), 201);
    as(TestTokens.consumer())
        .contentType("application/json")
        .body("{\"rows\": []}")
        .when()
        .post("/api/v1/contracts/{id}/validate", id)
        .then()
        .statusCode(422)
        .body("code", equalTo("contracts.quality.no-records"));
    as(TestTokens.consumer())
        .contentType("application/json")
        .body("[{\"order_id\": \"a\"}, {\"order_id\": ")
        .when()
        .post("/api/v1/contracts/{id}/validate", id)
        .then()
        .statusCode(400)
        .body("code", equalTo("request.malformed-json"));
  }

  @Test
  void writesNeedTheContractsDomain() {
    String id = newId();
    given()
        .contentType("application/yaml")
        .body(odcs(id, "1.0.0", "", "99.9"))
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(401);
    as(TestTokens.consumer("marketing"))
        .contentType("application/yaml")
        .body(odcs(id, "1.0.0", "", "99.9"))
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(403)
        .body("code", equalTo("auth.forbidden"));
    as(TestTokens.domainOwner("finance"))
        .contentType("application/yaml")
        .body(odcs(id, "1.0.0", "", "99.9"))
        .when()
        .post("/api/v1/contracts")
        .then()
        .statusCode(403)
        .body("code", equalTo("auth.domain-forbidden"));
    createYaml(odcs(id, "1.0.0", "", "99.9"), 201);
    as(TestTokens.domainOwner("finance"))
        .contentType("application/json")
        .body("{\"status\":\"proposed\"}")
        .when()
        .post("/api/v1/contracts/{id}/versions/1.0.0/status", id)
        .then()
        .statusCode(403);
    as(TestTokens.consumer())
        .when()
        .get("/api/v1/contracts/{id}", id)
        .then()
        .statusCode(200)
        .body("versions", hasSize(1));
    as(TestTokens.consumer())
        .when()
        .get("/api/v1/contracts/nope")
        .then()
        .statusCode(404)
        .body("code", equalTo("contracts.contract.not-found"));
  }

  private static void transition(String id, String version, String status, int expected) {
    as(OWNER)
        .contentType("application/json")
        .body("{\"status\":\"" + status + "\",\"reason\":\"test\"}")
        .when()
        .post("/api/v1/contracts/{id}/versions/{v}/status", id, version)
        .then()
        .statusCode(expected);
  }
}
