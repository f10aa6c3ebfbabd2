package io.meshwork.contracts.protobuf;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROTOBUF through the registry's Confluent API, on the real database. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ProtobufRegistryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V1 = "application/vnd.schemaregistry.v1+json";
  private static final String OWNER = TestTokens.domainOwner("marketing");

  private static final String CUSTOMER =
      "syntax = \"proto3\";\npackage crm;\nmessage Customer {\n  string name = 1;\n}\n";
  private static final String ORDER =
      """
      syntax = "proto3";
      package marketing.shop;
      import "google/protobuf/timestamp.proto";
      import "crm/customer.proto";
      message Order {
        string id = 1;
        google.protobuf.Timestamp placed_at = 2;
        crm.Customer customer = 3;
        int32 quantity = 4;
      }
      """;

  @Test
  void protobufIsAType() {
    given()
        .auth()
        .oauth2(OWNER)
        .get("/schemas/types")
        .then()
        .statusCode(200)
        .body("$", hasItem("PROTOBUF"));
  }

  @Test
  void importsAreReferencesAndTheSchemaComesBackByIdWithThem() {
    String customers = subject("customers");
    int customerId = register(customers, CUSTOMER, List.of()).statusCode(200).extract().path("id");
    List<Map<String, Object>> references =
        List.of(Map.of("name", "crm/customer.proto", "subject", customers, "version", 1));
    String orders = subject("orders");

    int orderId = register(orders, ORDER, references).statusCode(200).extract().path("id");

    assertThat(orderId).isNotEqualTo(customerId);
    given()
        .auth()
        .oauth2(OWNER)
        .get("/schemas/ids/{id}", orderId)
        .then()
        .statusCode(200)
        .body("schemaType", equalTo("PROTOBUF"))
        .body("schema", containsString("crm.Customer customer = 3;"))
        .body("references[0].name", equalTo("crm/customer.proto"))
        .body("references[0].subject", equalTo(customers));
    given()
        .auth()
        .oauth2(OWNER)
        .contentType(V1)
        .body(body(ORDER.replace("  ", "    "), references))
        .post("/subjects/{s}", orders)
        .then()
        .statusCode(200)
        .body("id", equalTo(orderId))
        .body("version", equalTo(1))
        .body("schemaType", equalTo("PROTOBUF"));
  }

  @Test
  void anIncompatibleChangeIsRefusedNamingMessageFieldAndRule() {
    String subject = subject("events");
    String v1 =
        "syntax = \"proto3\";\npackage marketing.ev;\nmessage Clicked {\n  int64 at = 1;\n}\n";
    register(subject, v1, List.of()).statusCode(200);
    register(subject, v1.replace("int64 at = 1;", "int64 at = 1;\n  string page = 2;"), List.of())
        .statusCode(200);

    register(subject, v1.replace("int64 at", "string at"), List.of())
        .statusCode(409)
        .body("error_code", equalTo(409))
        .body("message", containsString("FIELD_SCALAR_KIND_CHANGED"))
        .body("message", containsString("field 'at' (number 1) of marketing.ev.Clicked"))
        .body("message", containsString("#/Clicked/1"));
    given()
        .auth()
        .oauth2(OWNER)
        .contentType(V1)
        .body(body(v1.replace("package marketing.ev;", "package marketing.other;"), List.of()))
        .post("/compatibility/subjects/{s}/versions/latest?verbose=true", subject)
        .then()
        .statusCode(200)
        .body("is_compatible", equalTo(false))
        .body("messages[0]", containsString("PACKAGE_CHANGED"));
  }

  @Test
  void normalizeGivesEquivalentSchemasOneId() {
    String subject = subject("normalized");
    String declared =
        "syntax = \"proto3\";\npackage marketing.n;\n// v1\nmessage A {\n  B b = 2;\n"
            + "  string id = 1;\n  message B { int32 v = 1; }\n}\n";
    String equivalent =
        "syntax = \"proto3\";\npackage marketing.n;\nmessage A {\n  string id = 1;\n"
            + "  .marketing.n.A.B b = 2;\n  message B { int32 v = 1; }\n}\n";

    int first = normalized(subject, declared).statusCode(200).extract().path("id");
    int second = normalized(subject, equivalent).statusCode(200).extract().path("id");
    int plain = register(subject, declared, List.of()).statusCode(200).extract().path("id");

    assertThat(second).isEqualTo(first);
    assertThat(plain).isNotEqualTo(first);
    given()
        .auth()
        .oauth2(OWNER)
        .get("/schemas/ids/{id}", first)
        .then()
        .body("schema", not(containsString("// v1")));
  }

  @Test
  void badProtoTextIs42201WithLineAndColumnAndNothingIsStored() {
    String subject = subject("broken");

    register(subject, "syntax = \"proto3\";\nmessage A {\n  string id = 1\n}\n", List.of())
        .statusCode(422)
        .body("error_code", equalTo(42201))
        .body("message", containsString("line 4, column 2: expected ';'"));
    register(subject, "syntax = \"proto3\";\nimport \"x/y.proto\";\nmessage A {}\n", List.of())
        .statusCode(422)
        .body("error_code", equalTo(42201))
        .body(
            "message", containsString("import \"x/y.proto\" is not among the schema's references"));
    given().auth().oauth2(OWNER).get("/subjects/{s}/versions", subject).then().statusCode(404);
  }

  private static String subject(String name) {
    return "marketing." + Fixtures.newName(name) + "-value";
  }

  private static ValidatableResponse register(
      String subject, String schema, List<Map<String, Object>> references) {
    return given()
        .auth()
        .oauth2(OWNER)
        .contentType(V1)
        .body(body(schema, references))
        .post("/subjects/{s}/versions", subject)
        .then();
  }

  private static ValidatableResponse normalized(String subject, String schema) {
    return given()
        .auth()
        .oauth2(OWNER)
        .contentType(V1)
        .body(body(schema, List.of()))
        .post("/subjects/{s}/versions?normalize=true", subject)
        .then();
  }

  private static String body(String schema, List<Map<String, Object>> references) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemaType", "PROTOBUF");
    body.put("schema", schema);
    body.put("references", references);
    try {
      return JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
