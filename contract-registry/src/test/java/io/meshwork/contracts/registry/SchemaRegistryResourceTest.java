package io.meshwork.contracts.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class SchemaRegistryResourceTest {

  private static final String V1 = "application/vnd.schemaregistry.v1+json";
  private static final String OWNER = TestTokens.domainOwner("marketing");

  private static final String USER_V1 =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"io.meshwork.test\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"string\"}]}";
  private static final String USER_V2_WITH_DEFAULT =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"io.meshwork.test\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}]}";
  private static final String USER_V2_NO_DEFAULT =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"io.meshwork.test\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}]}";

  private static String subject() {
    return "marketing." + Fixtures.newName("users") + "-value";
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(V1);
  }

  private static String body(String schema) {
    return "{\"schema\":" + quote(schema) + "}";
  }

  private static String jsonBody(String schema) {
    return "{\"schemaType\":\"JSON\",\"schema\":" + quote(schema) + "}";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static ValidatableResponse register(String subject, String body) {
    return as(OWNER).body(body).when().post("/subjects/{s}/versions", subject).then();
  }

  private static int registerOk(String subject, String body) {
    return register(subject, body).statusCode(200).extract().path("id");
  }

  @Test
  void registeringTheSameSchemaTwiceReturnsTheSameIdAndOneVersion() {
    String subject = subject();
    int id = registerOk(subject, body(USER_V1));
    // Formatting differences do not make a new schema.
    int again = registerOk(subject, body(USER_V1.replace(",", ", ")));
    assertThat(again).isEqualTo(id);
    as(OWNER)
        .when()
        .get("/subjects/{s}/versions", subject)
        .then()
        .statusCode(200)
        .body("$", equalTo(List.of(1)));
  }

  @Test
  void sameSchemaUnderAnotherSubjectSharesItsId() {
    String first = subject();
    String second = subject();
    int id = registerOk(first, body(USER_V1));
    assertThat(registerOk(second, body(USER_V1))).isEqualTo(id);
    as(OWNER)
        .when()
        .get("/schemas/ids/{id}/versions", id)
        .then()
        .statusCode(200)
        .body("subject", hasItems(first, second));
  }

  @Test
  void versionsLatestAndSchemaByIdHaveConfluentShapes() {
    String subject = subject();
    int id = registerOk(subject, body(USER_V1));
    as(OWNER)
        .when()
        .get("/subjects/{s}/versions/latest", subject)
        .then()
        .statusCode(200)
        .contentType(V1)
        .body("subject", equalTo(subject))
        .body("version", equalTo(1))
        .body("id", equalTo(id))
        .body("schemaType", nullValue())
        .body("schema", containsString("\"name\":\"User\""));
    as(OWNER)
        .when()
        .get("/subjects/{s}/versions/-1", subject)
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
    as(OWNER)
        .when()
        .get("/schemas/ids/{id}", id)
        .then()
        .statusCode(200)
        .body("schema", containsString("io.meshwork.test"))
        .body("schemaType", nullValue());
    as(OWNER)
        .when()
        .get("/subjects/{s}/versions/1/schema", subject)
        .then()
        .statusCode(200)
        .body(startsWith("{\"type\":\"record\""));
    as(OWNER).when().get("/subjects").then().statusCode(200).body("$", hasItem(subject));
    as(OWNER)
        .when()
        .get("/schemas/types")
        .then()
        .statusCode(200)
        .body("$", hasItems("AVRO", "JSON"));
  }

  @Test
  void lookupFindsTheVersionOfASchema() {
    String subject = subject();
    int id = registerOk(subject, body(USER_V1));
    as(OWNER)
        .body(body(USER_V1))
        .when()
        .post("/subjects/{s}", subject)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("version", equalTo(1))
        .body("subject", equalTo(subject));
    as(OWNER)
        .body(body(USER_V2_WITH_DEFAULT))
        .when()
        .post("/subjects/{s}", subject)
        .then()
        .statusCode(404)
        .body("error_code", equalTo(40403));
  }

  @Test
  void avroBackwardCompatibilityIsApacheAvrosAndRefusalsExplainThemselves() {
    String subject = subject();
    registerOk(subject, body(USER_V1));
    registerOk(subject, body(USER_V2_WITH_DEFAULT));
    register(subject, body(USER_V2_NO_DEFAULT))
        .statusCode(409)
        .contentType(V1)
        .body("error_code", equalTo(409))
        .body(
            "message",
            containsString("incompatible with an earlier schema for subject \"" + subject + "\""))
        .body("message", containsString("READER_FIELD_MISSING_DEFAULT_VALUE"))
        .body("message", containsString("/fields/"))
        .body("message", containsString("fix:"))
        .body("message", containsString("compatibility: 'BACKWARD'"));
  }

  @Test
  void verboseCompatibilityCheckSaysWhyAndChangesNothing() {
    String subject = subject();
    registerOk(subject, body(USER_V1));
    as(OWNER)
        .body(body(USER_V2_NO_DEFAULT))
        .queryParam("verbose", true)
        .when()
        .post("/compatibility/subjects/{s}/versions/latest", subject)
        .then()
        .statusCode(200)
        .body("is_compatible", equalTo(false))
        .body("messages[0]", containsString("READER_FIELD_MISSING_DEFAULT_VALUE"));
    as(OWNER)
        .body(body(USER_V2_WITH_DEFAULT))
        .when()
        .post("/compatibility/subjects/{s}/versions/1", subject)
        .then()
        .statusCode(200)
        .body("is_compatible", equalTo(true))
        .body("messages", nullValue());
    as(OWNER).when().get("/subjects/{s}/versions", subject).then().body("$", equalTo(List.of(1)));
  }

  @Test
  void transitiveLevelChecksEveryVersion() {
    String subject = subject();
    as(OWNER)
        .body("{\"compatibility\":\"FORWARD_TRANSITIVE\"}")
        .when()
        .put("/config/{s}", subject)
        .then()
        .statusCode(200)
        .body("compatibility", equalTo("FORWARD_TRANSITIVE"));
    String v1 =
        "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    String v2 =
        "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\",\"default\":\"x\"}]}";
    String v3 = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[]}";
    registerOk(subject, body(v1));
    registerOk(subject, body(v2));
    // v2 (a with default) reads v3 data, but v1 (a without default) does not: transitive refuses.
    register(subject, body(v3))
        .statusCode(409)
        .body("message", containsString("oldSchemaVersion: 1"));
  }

  @Test
  void jsonSchemaAddingAPropertyToAnOpenModelIsRefusedWithAnExplanation() {
    String subject = subject();
    registerOk(
        subject, jsonBody("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}"));
    register(
            subject,
            jsonBody(
                "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"email\":{\"type\":\"string\"}}}"))
        .statusCode(409)
        .body("message", containsString("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"))
        .body("message", containsString("#/properties/email"))
        .body("message", containsString("additionalProperties"));
    // Closed models take new optional properties.
    String closed = subject();
    registerOk(
        closed,
        jsonBody(
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"additionalProperties\":false}"));
    int v2 =
        registerOk(
            closed,
            jsonBody(
                "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"email\":{\"type\":\"string\"}},"
                    + "\"additionalProperties\":false}"));
    as(OWNER)
        .when()
        .get("/schemas/ids/{id}", v2)
        .then()
        .statusCode(200)
        .body("schemaType", equalTo("JSON"));
  }

  @Test
  void invalidSchemasAre42201WithTheParsersReason() {
    register(
            subject(),
            body(
                "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"strng\"}]}"))
        .statusCode(422)
        .body("error_code", equalTo(42201))
        .body("message", containsString("strng"));
    register(
            subject(),
            jsonBody("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"strin\"}}}"))
        .statusCode(422)
        .body("error_code", equalTo(42201))
        .body("message", containsString("/properties/a/type"));
    register(subject(), jsonBody("{\"type\": \"object\", "))
        .statusCode(422)
        .body("error_code", equalTo(42201))
        .body("message", containsString("line 1"));
    register(subject(), "{\"schemaType\":\"XML\",\"schema\":\"<a/>\"}")
        .statusCode(422)
        .body("error_code", equalTo(42201));
  }

  @Test
  void notFoundCodesFollowConfluent() {
    String subject = subject();
    as(OWNER)
        .when()
        .get("/subjects/{s}/versions", subject)
        .then()
        .statusCode(404)
        .body("error_code", equalTo(40401));
    registerOk(subject, body(USER_V1));
    as(OWNER)
        .when()
        .get("/subjects/{s}/versions/7", subject)
        .then()
        .statusCode(404)
        .body("error_code", equalTo(40402));
    as(OWNER)
        .when()
        .get("/subjects/{s}/versions/zero", subject)
        .then()
        .statusCode(422)
        .body("error_code", equalTo(42202));
    as(OWNER)
        .when()
        .get("/schemas/ids/999999")
        .then()
        .statusCode(404)
        .body("error_code", equalTo(40403));
  }

  @Test
  void subjectConfigIs40408UntilSetAndBadLevelsAre42203() {
    String subject = subject();
    as(OWNER)
        .when()
        .get("/config/{s}", subject)
        .then()
        .statusCode(404)
        .body("error_code", equalTo(40408));
    as(OWNER)
        .when()
        .get("/config/{s}?defaultToGlobal=true", subject)
        .then()
        .statusCode(200)
        .body("compatibilityLevel", equalTo("BACKWARD"));
    as(OWNER)
        .body("{\"compatibility\":\"sideways\"}")
        .when()
        .put("/config/{s}", subject)
        .then()
        .statusCode(422)
        .body("error_code", equalTo(42203));
    as(OWNER)
        .body("{\"compatibility\":\"full\"}")
        .when()
        .put("/config/{s}", subject)
        .then()
        .statusCode(200);
    as(OWNER)
        .when()
        .get("/config/{s}", subject)
        .then()
        .statusCode(200)
        .body("compatibilityLevel", equalTo("FULL"));
    as(OWNER)
        .when()
        .delete("/config/{s}", subject)
        .then()
        .statusCode(200)
        .body("compatibilityLevel", equalTo("FULL"));
    as(OWNER).when().get("/config/{s}", subject).then().statusCode(404);
    as(OWNER)
        .when()
        .get("/config")
        .then()
        .statusCode(200)
        .body("compatibilityLevel", not(nullValue()));
  }

  @Test
  void softThenHardDeleteFollowsConfluentRules() {
    String subject = subject();
    int id = registerOk(subject, body(USER_V1));
    as(OWNER)
        .when()
        .delete("/subjects/{s}?permanent=true", subject)
        .then()
        .statusCode(404)
        .body("error_code", equalTo(40405));
    as(OWNER)
        .when()
        .delete("/subjects/{s}", subject)
        .then()
        .statusCode(200)
        .body("$", equalTo(List.of(1)));
    as(OWNER)
        .when()
        .delete("/subjects/{s}", subject)
        .then()
        .statusCode(404)
        .body("error_code", equalTo(40404));
    as(OWNER).when().get("/subjects/{s}/versions", subject).then().statusCode(404);
    as(OWNER)
        .when()
        .get("/subjects/{s}/versions?deleted=true", subject)
        .then()
        .statusCode(200)
        .body("$", equalTo(List.of(1)));
    as(OWNER).when().get("/schemas/ids/{id}", id).then().statusCode(200);
    as(OWNER)
        .when()
        .delete("/subjects/{s}?permanent=true", subject)
        .then()
        .statusCode(200)
        .body("$", equalTo(List.of(1)));
    as(OWNER)
        .when()
        .get("/subjects/{s}/versions?deleted=true", subject)
        .then()
        .statusCode(404)
        .body("error_code", equalTo(40401));
  }

  @Test
  void versionDeletesFollowConfluentRules() {
    String subject = subject();
    registerOk(subject, body(USER_V1));
    registerOk(subject, body(USER_V2_WITH_DEFAULT));
    as(OWNER)
        .when()
        .delete("/subjects/{s}/versions/2?permanent=true", subject)
        .then()
        .statusCode(404)
        .body("error_code", equalTo(40407));
    as(OWNER)
        .when()
        .delete("/subjects/{s}/versions/2", subject)
        .then()
        .statusCode(200)
        .body(equalTo("2"));
    as(OWNER)
        .when()
        .delete("/subjects/{s}/versions/2", subject)
        .then()
        .statusCode(404)
        .body("error_code", equalTo(40406));
    as(OWNER)
        .when()
        .get("/subjects/{s}/versions/latest", subject)
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
    as(OWNER)
        .when()
        .delete("/subjects/{s}/versions/2?permanent=true", subject)
        .then()
        .statusCode(200);
  }

  @Test
  void everyConfluentContentTypeIsAcceptedOnEveryRequest() {
    String subject = subject();
    for (String type : List.of(V1, "application/vnd.schemaregistry+json", "application/json")) {
      given()
          .auth()
          .oauth2(OWNER)
          .contentType(type)
          .body(body(USER_V1))
          .when()
          .post("/subjects/{s}/versions", subject)
          .then()
          .statusCode(200);
      given()
          .auth()
          .oauth2(OWNER)
          .contentType(type)
          .when()
          .get("/subjects/{s}/versions", subject)
          .then()
          .statusCode(200);
    }
    given()
        .auth()
        .oauth2(OWNER)
        .accept("application/json")
        .when()
        .get("/subjects/{s}/versions/1", subject)
        .then()
        .statusCode(200)
        .contentType("application/json");
  }

  @Test
  void missingTokenIs401InConfluentFormat() {
    given()
        .contentType(V1)
        .when()
        .get("/subjects")
        .then()
        .statusCode(401)
        .body("error_code", equalTo(40101))
        .body("message", equalTo("Unauthorized"));
    given()
        .contentType(V1)
        .body(body(USER_V1))
        .when()
        .post("/subjects/{s}/versions", subject())
        .then()
        .statusCode(401);
  }

  @Test
  void ownerOfAnotherDomainMayReadButNotWrite() {
    String subject = subject();
    registerOk(subject, body(USER_V1));
    String finance = TestTokens.domainOwner("finance");
    as(finance).when().get("/subjects/{s}/versions/latest", subject).then().statusCode(200);
    as(finance)
        .body(body(USER_V2_WITH_DEFAULT))
        .when()
        .post("/subjects/{s}/versions", subject)
        .then()
        .statusCode(403)
        .body("error_code", equalTo(40301))
        .body("message", containsString("domain-owner of 'marketing'"));
    as(finance).when().delete("/subjects/{s}", subject).then().statusCode(403);
    as(finance)
        .body("{\"compatibility\":\"NONE\"}")
        .when()
        .put("/config/{s}", subject)
        .then()
        .statusCode(403);
  }

  @Test
  void consumersCannotRegisterAndOnlyAdminsChangeTheGlobalLevel() {
    as(TestTokens.consumer("marketing"))
        .body(body(USER_V1))
        .when()
        .post("/subjects/{s}/versions", "orders-" + Fixtures.randomSuffix(5))
        .then()
        .statusCode(403)
        .body("error_code", equalTo(40301));
    as(OWNER)
        .body("{\"compatibility\":\"NONE\"}")
        .when()
        .put("/config")
        .then()
        .statusCode(403)
        .body("error_code", equalTo(40301));
    as(TestTokens.platformAdmin())
        .body("{\"compatibility\":\"BACKWARD\"}")
        .when()
        .put("/config")
        .then()
        .statusCode(200)
        .body("compatibility", equalTo("BACKWARD"));
  }

  @Test
  void subjectWithoutADomainPrefixBelongsToTheCallersOnlyDomain() {
    String subject = "customer_" + Fixtures.randomSuffix(6);
    registerOk(subject, body(USER_V1));
    as(TestTokens.domainOwner("finance"))
        .body(body(USER_V2_WITH_DEFAULT))
        .when()
        .post("/subjects/{s}/versions", subject)
        .then()
        .statusCode(403);
    as(TestTokens.domainOwner("finance", "sales"))
        .body(body(USER_V1))
        .when()
        .post("/subjects/{s}/versions", "orders_" + Fixtures.randomSuffix(6))
        .then()
        .statusCode(422)
        .body("error_code", equalTo(42208))
        .body("message", containsString("?domain="));
  }

  private static String withReferences(
      String type, String schema, String name, String subject, int version) {
    return "{\"schemaType\":\""
        + type
        + "\",\"schema\":"
        + quote(schema)
        + ",\"references\":[{\"name\":\""
        + name
        + "\",\"subject\":\""
        + subject
        + "\",\"version\":"
        + version
        + "}]}";
  }

  @Test
  void avroReferencesResolveToTheReferencedSubjectsNamedTypes() {
    String addresses = subject();
    registerOk(
        addresses,
        body(
            "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"io.meshwork.test\","
                + "\"fields\":[{\"name\":\"street\",\"type\":\"string\"}]}"));
    String customers = subject();
    String customer =
        "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"io.meshwork.test\","
            + "\"fields\":[{\"name\":\"address\",\"type\":\"io.meshwork.test.Address\"}]}";

    int id =
        registerOk(
            customers, withReferences("AVRO", customer, "io.meshwork.test.Address", addresses, 1));

    // The text as registered, references beside it: the referenced type is named, not copied.
    as(OWNER)
        .when()
        .get("/schemas/ids/{id}", id)
        .then()
        .statusCode(200)
        .body("schema", containsString("\"name\":\"address\""))
        .body("schema", not(containsString("street")))
        .body("references[0].subject", equalTo(addresses));
    // References of references resolve too, and stay out of the text.
    String orders = subject();
    String order =
        "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.meshwork.test\","
            + "\"fields\":[{\"name\":\"customer\",\"type\":\"io.meshwork.test.Customer\"}]}";
    int orderId =
        registerOk(
            orders, withReferences("AVRO", order, "io.meshwork.test.Customer", customers, 1));
    as(OWNER)
        .when()
        .get("/schemas/ids/{id}", orderId)
        .then()
        .statusCode(200)
        .body("schema", not(containsString("street")))
        .body("schema", not(containsString("\"address\"")));
    as(OWNER)
        .when()
        .get("/subjects/{s}/versions/1/referencedby", addresses)
        .then()
        .statusCode(200)
        .body("$", hasItems(id));
    // Without the reference the named type is unknown: 42201 with the parser's reason.
    register(customers + "x", body(customer)).statusCode(422).body("error_code", equalTo(42201));
    // A reference to a version that does not exist is refused the same way.
    register(customers, withReferences("AVRO", customer, "io.meshwork.test.Address", addresses, 9))
        .statusCode(422)
        .body("error_code", equalTo(42201));
  }

  @Test
  void jsonSchemaReferencesAreFollowedByTheCompatibilityCheck() {
    String addresses = subject();
    registerOk(
        addresses,
        jsonBody(
            "{\"$defs\":{\"Address\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"}},"
                + "\"required\":[\"street\"]}}}"));
    registerOk(
        addresses,
        jsonBody(
            "{\"$defs\":{\"Address\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},"
                + "\"zip\":{\"type\":\"string\"}},\"required\":[\"street\",\"zip\"]}}}"));
    as(OWNER)
        .body("{\"compatibility\":\"NONE\"}")
        .when()
        .put("/config/{s}", addresses)
        .then()
        .statusCode(200);
    String customers = subject();
    String customer =
        "{\"type\":\"object\",\"properties\":{\"address\":{\"$ref\":\"address.json#/$defs/Address\"}}}";
    registerOk(customers, withReferences("JSON", customer, "address.json", addresses, 1));

    // Same customer document, but its Address now requires a zip that old records lack.
    register(customers, withReferences("JSON", customer, "address.json", addresses, 2))
        .statusCode(409)
        .body("message", org.hamcrest.Matchers.containsString("zip"));
  }
}
