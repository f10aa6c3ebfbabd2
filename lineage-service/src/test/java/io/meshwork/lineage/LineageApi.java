package io.meshwork.lineage;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/** Calls lineage-service the way its users do, for tests. */
public final class LineageApi {

  private LineageApi() {}

  public static void record(ObjectNode... events) {
    for (ObjectNode event : events) {
      given()
          .auth()
          .oauth2(TestTokens.user("pipeline").roles("platform-service").sign())
          .contentType(ContentType.JSON)
          .body(event.toString())
          .when()
          .post("/api/v1/lineage")
          .then()
          .statusCode(201);
    }
  }

  public static ValidatableResponse graphql(String query) {
    return given()
        .auth()
        .oauth2(TestTokens.consumer("marketing"))
        .contentType(ContentType.JSON)
        .body(Map.of("query", query))
        .when()
        .post("/graphql")
        .then()
        .statusCode(200);
  }
}
