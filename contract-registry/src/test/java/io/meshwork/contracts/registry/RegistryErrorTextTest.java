package io.meshwork.contracts.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * Confluent-shaped errors carry the parser's reason about the caller's own text, never the Java
 * types behind the API or Jackson's source dumps.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class RegistryErrorTextTest {

  private static final String V1 = "application/vnd.schemaregistry.v1+json";
  private static final String OWNER = TestTokens.domainOwner("marketing");

  private static JsonPath register(String body, int status) {
    return given()
        .auth()
        .oauth2(OWNER)
        .contentType(V1)
        .body(body)
        .when()
        .post("/subjects/{s}/versions", "marketing." + Fixtures.newName("users") + "-value")
        .then()
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  private static void assertNoJavaText(String message) {
    assertThat(message)
        .doesNotContain("java.", "com.fasterxml", "io.meshwork", "StreamReadFeature", "[Source")
        .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+(Exception|Error)")
        .doesNotContain("RegisterSchemaRequest", "ArrayList");
  }

  @Test
  void aBodyOfTheWrongShapeNamesTheFieldNotTheJavaType() {
    JsonPath error = register("{\"schema\": {\"type\": \"string\"}}", 422);
    assertThat(error.getInt("error_code")).isEqualTo(42201);
    assertThat(error.getString("message"))
        .startsWith("Invalid request body: field 'schema' does not have the expected type");
    assertNoJavaText(error.getString("message"));

    JsonPath references = register("{\"schema\": \"\\\"string\\\"\", \"references\": 5}", 422);
    assertThat(references.getString("message"))
        .startsWith("Invalid request body: field 'references' does not have the expected type");
    assertNoJavaText(references.getString("message"));
  }

  @Test
  void aBodyThatIsNotJsonGivesTheParsersReasonAndPlace() {
    // The JSON reader refuses it before binding: a plain 400, as before.
    JsonPath error = register("{\"schema\" 1}", 400);
    assertThat(error.getInt("error_code")).isEqualTo(400);
    assertThat(error.getString("message"))
        .startsWith("Invalid request body: not JSON at line 1, column ")
        .contains("was expecting a colon");
    assertNoJavaText(error.getString("message"));
  }

  @Test
  void anAvroSchemaThatIsNotJsonGivesTheParsersReasonAndPlace() {
    JsonPath error = register("{\"schema\": \"{\\\"type\\\": \\\"record\\\", \"}", 422);
    assertThat(error.getInt("error_code")).isEqualTo(42201);
    assertThat(error.getString("message"))
        .startsWith("Invalid schema of type AVRO, details: not JSON at line 1, column ");
    assertNoJavaText(error.getString("message"));
  }

  @Test
  void aJsonSchemaThatIsNotJsonGivesTheParsersReasonAndPlace() {
    JsonPath error =
        register(
            "{\"schemaType\": \"JSON\", \"schema\": \"{\\\"type\\\": \\\"object\\\", \"}", 422);
    assertThat(error.getString("message"))
        .startsWith("Invalid schema of type JSON: not JSON at line 1, column ");
    assertNoJavaText(error.getString("message"));
  }
}
