package io.meshwork.lineage.query;

import static io.meshwork.lineage.LineageApi.graphql;
import static io.meshwork.lineage.LineageApi.record;
import static io.meshwork.lineage.OpenLineageEvents.run;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.InternalText;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A GraphQL error says what went wrong in our words: never a class, a driver's text or a host. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class LineageGraphQLErrorsTest {

  /** The service's own tables: no answer names them. */
  private static final String[] LINEAGE_TABLES = {
    "lineage_node", "lineage_edge", "lineage_column_edge", "lineage_event", "lineage_run"
  };

  @Inject AgroalDataSource dataSource;

  private static String recordedDataset() {
    String ns = "postgres://errors-" + Fixtures.randomSuffix(6) + ":5432";
    String name = "errors_" + Fixtures.randomSuffix(6);
    record(run("COMPLETE", "2026-11-01T10:00:00Z", ns, "job", new String[0], new String[] {name}));
    return name;
  }

  @Test
  void aRefusedArgumentIsAnsweredInOurWordsWithoutTheExceptionClass() {
    String name = recordedDataset();
    String answer =
        graphql(
                "{ dataset(name: \""
                    + name
                    + "\") { upstreamPage(after: \"not-a-cursor\") { totalCount } } }")
            .body(
                "errors[0].message",
                equalTo("after is not a cursor this API returned: 'not-a-cursor'"))
            .body("errors[0].extensions", not(hasKey("exception")))
            .body("errors[0].extensions.classification", equalTo("DataFetchingException"))
            .extract()
            .asString();
    InternalText.assertNone(answer, LINEAGE_TABLES);
  }

  @Test
  void aValueOfTheWrongTypeIsAnsweredWithoutAParsersText() {
    String name = recordedDataset();
    InternalText.assertNone(
        graphql("{ dataset(name: \"" + name + "\", asOf: \"yesterday\") { name } }")
            .body("data.dataset", nullValue())
            .body("errors[0].extensions.classification", equalTo("ValidationError"))
            .body("errors[0].extensions.validationErrorType", equalTo("WrongType"))
            .extract()
            .asString(),
        LINEAGE_TABLES);
    InternalText.assertNone(
        graphql("{ dataset(name: \"" + name + "\") { upstream(depth: \"deep\") { name } } }")
            .body("data", nullValue())
            .body("errors[0].extensions.validationErrorType", equalTo("WrongType"))
            .extract()
            .asString(),
        LINEAGE_TABLES);
    InternalText.assertNone(
        graphql("{ dataset(name: ")
            .body("errors[0].message", equalTo("Unparseable input document"))
            .extract()
            .asString(),
        LINEAGE_TABLES);
  }

  /**
   * A failure nobody planned for (here the database losing a table under the service): the caller
   * learns that the query failed, with a reference to the log, not how; the driver's message names
   * the table and the SQL state.
   */
  @Test
  void anUnexpectedFailureIsOurReasonWithAReferenceNotItsCause() throws SQLException {
    String name = recordedDataset();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE lineage_column_edge RENAME TO lineage_column_edge_away");
      try {
        String answer =
            graphql("{ dataset(name: \"" + name + "\") { name } }")
                .body("data.dataset", nullValue())
                .body(
                    "errors[0].message",
                    matchesPattern(
                        "The lineage query could not be answered \\(reference [0-9a-f-]{36}\\)"))
                .body("errors[0].extensions.code", equalTo("internal.error"))
                .body("errors[0].extensions", not(hasKey("exception")))
                .extract()
                .asString();
        InternalText.assertNone(answer, LINEAGE_TABLES);

        InternalText.assertNone(
            given()
                .auth()
                .oauth2(TestTokens.consumer("marketing"))
                .queryParam("nodeId", "dataset:postgres://errors:5432:" + name)
                .when()
                .get("/api/v1/lineage")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("code", equalTo("internal.error"))
                .extract()
                .asString(),
            LINEAGE_TABLES);
      } finally {
        statement.execute("ALTER TABLE lineage_column_edge_away RENAME TO lineage_column_edge");
      }
    }
  }
}
