package io.meshwork.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every service must show on the real servers: health that covers PostgreSQL and Kafka, public
 * metrics and OpenAPI, bearer-token security with the meshwork claims, and problem+json errors.
 * Each service runs these by extending this class in a {@code @QuarkusTest}.
 */
public abstract class PlatformWiringTests {

  @Test
  void readinessCoversDatabaseAndKafka() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Database")))
        .body("checks.name", hasItem(containsString("Kafka")));
  }

  @Test
  void livenessIsPublic() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void prometheusMetricsArePublic() {
    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"))
        .body(containsString("http_server_requests_seconds"));
  }

  @Test
  void openApiDocumentIsPublicAndDeclaresBearerSecurity() {
    given()
        .accept("application/json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("openapi", startsWith("3."))
        .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"));
  }

  /**
   * The served OpenAPI document is the one committed in the service's
   * src/test/resources/openapi.yaml: an API change shows up as a change to that file, reviewed like
   * any other. The served document is written to target/openapi.served.yaml for that review.
   */
  @Test
  void openApiDocumentIsTheSnapshot() throws IOException {
    String served = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "openapi.served.yaml"), served);
    String snapshot;
    try (InputStream in = getClass().getResourceAsStream("/openapi.yaml")) {
      assertThat(in).as("snapshot src/test/resources/openapi.yaml").isNotNull();
      snapshot = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(served.strip())
        .as("the API changed: review target/openapi.served.yaml and copy it over the snapshot")
        .isEqualTo(snapshot.strip());
  }

  @Test
  void swaggerUiIsServed() {
    given().when().get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void callerWithoutTokenGets401Problem() {
    given()
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("status", equalTo(401))
        .body("code", equalTo("auth.unauthenticated"))
        .body("instance", equalTo("/api/v1/me"));
  }

  @Test
  void garbageTokenGets401Problem() {
    given()
        .auth()
        .oauth2("not-a-jwt")
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("auth.unauthenticated"));
  }

  @Test
  void expiredTokenGets401() {
    String expired =
        TestTokens.user("late").roles("domain-owner").lifetime(Duration.ofMinutes(-10)).sign();
    given().auth().oauth2(expired).when().get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void tokenForAnotherAudienceGets401() {
    String foreign =
        TestTokens.user("other").roles("platform-admin").audience("some-other-api").sign();
    given().auth().oauth2(foreign).when().get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void tokenFromAnotherIssuerGets401() {
    String foreign =
        TestTokens.user("other")
            .roles("platform-admin")
            .issuer("https://evil.example/realms/x")
            .sign();
    given().auth().oauth2(foreign).when().get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void callerSeesRolesAndDomainsFromToken() {
    String token =
        TestTokens.user("mara").roles("domain-owner").domains("marketing", "sales").sign();
    given()
        .auth()
        .oauth2(token)
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("name", equalTo("mara"))
        .body("roles", hasItem("domain-owner"))
        .body("domains", containsInAnyOrder("marketing", "sales"));
  }

  @Test
  void unknownPathIs404Problem() {
    given()
        .auth()
        .oauth2(TestTokens.platformAdmin())
        .when()
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("request.not-found"));
  }

  @Test
  void wrongMethodAndUnservableAcceptAreProblemsInOurWords() {
    String admin = TestTokens.platformAdmin();
    given()
        .auth()
        .oauth2(admin)
        .when()
        .delete("/api/v1/me")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("code", equalTo("request.method-not-allowed"))
        .body("detail", equalTo("The method DELETE is not allowed on /api/v1/me"));
    given()
        .auth()
        .oauth2(admin)
        .accept("text/csv")
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(406)
        .contentType("application/problem+json")
        .body("code", equalTo("request.not-acceptable"))
        .body("detail", not(containsString("@Produces")));
  }

  @Test
  void aCompressedBodyWhereNoneIsTakenIs415() {
    given()
        .auth()
        .oauth2(TestTokens.platformAdmin())
        .contentType("application/json")
        .header("Content-Encoding", "gzip")
        .body(new byte[] {31, -117, 8, 0})
        .when()
        .post("/api/v1/me")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("code", equalTo("request.unsupported-content-encoding"));
  }
}
