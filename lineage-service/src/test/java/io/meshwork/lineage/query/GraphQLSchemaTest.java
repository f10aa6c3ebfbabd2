package io.meshwork.lineage.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The served GraphQL schema is the one committed in src/test/resources: a change to the API shows
 * up as a change to that file, reviewed like any other.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class GraphQLSchemaTest {

  @Test
  void theServedSchemaIsTheSnapshot() throws Exception {
    String served =
        given()
            .auth()
            .oauth2(TestTokens.consumer("marketing"))
            .when()
            .get("/graphql/schema.graphql")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String snapshot;
    try (InputStream in = getClass().getResourceAsStream("/graphql/lineage-schema.graphql")) {
      assertThat(in).as("snapshot src/test/resources/graphql/lineage-schema.graphql").isNotNull();
      snapshot = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!served.strip().equals(snapshot.strip())) {
      // For review: the served schema, to copy over the snapshot when the change is meant.
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target", "lineage-schema.served.graphql"), served);
    }
    assertThat(served.strip()).isEqualTo(snapshot.strip());
  }
}
