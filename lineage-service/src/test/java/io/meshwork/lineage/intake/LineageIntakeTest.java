package io.meshwork.lineage.intake;

import static io.meshwork.lineage.OpenLineageEvents.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.lineage.OpenLineageEvents;
import io.meshwork.lineage.graph.LineageGraph;
import io.meshwork.lineage.graph.NodeKey;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.InternalText;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class LineageIntakeTest {

  /** The service's own tables: no answer names them. */
  private static final String[] LINEAGE_TABLES = {
    "lineage_node", "lineage_edge", "lineage_column_edge", "lineage_event", "lineage_run"
  };

  private static final String API_KEY = "test-pipeline-key";

  @Inject LineageGraph graph;

  private static String namespace() {
    return "postgres://intake-" + Fixtures.randomSuffix(6) + ":5432";
  }

  private static String pipeline() {
    return TestTokens.user("pipeline").roles("platform-service").sign();
  }

  private static ValidatableResponse post(String token, Object body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body.toString())
        .when()
        .post("/api/v1/lineage")
        .then();
  }

  private static ValidatableResponse postBatch(String body) {
    return given()
        .auth()
        .oauth2(pipeline())
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/lineage/batch")
        .then();
  }

  @Test
  void aRunEventIsRecordedWith201AndIsInTheGraphWhenThePostReturns() {
    String ns = namespace();
    ObjectNode event =
        run(
            "START",
            "2026-11-01T10:00:00Z",
            ns,
            "build_orders",
            new String[] {"raw"},
            new String[] {"orders"});

    post(pipeline(), event)
        .statusCode(201)
        .body("status", equalTo("success"))
        .body("summary.received", equalTo(1))
        .body("summary.successful", equalTo(1));

    long raw = graph.find(NodeKey.dataset(ns, "raw")).orElseThrow().id();
    long job = graph.find(NodeKey.job(ns, "build_orders")).orElseThrow().id();
    long orders = graph.find(NodeKey.dataset(ns, "orders")).orElseThrow().id();
    assertThat(graph.hasOpenEdge(raw, job)).isTrue();
    assertThat(graph.hasOpenEdge(job, orders)).isTrue();
  }

  @Test
  void theSameEventTwiceChangesNothingInTheGraph() {
    String ns = namespace();
    ObjectNode event =
        run(
            "COMPLETE",
            "2026-11-01T10:00:00Z",
            ns,
            "dedupe",
            new String[] {"a"},
            new String[] {"b"});
    post(pipeline(), event).statusCode(201);
    int edges = graph.edgeCount();
    post(pipeline(), event).statusCode(201);
    assertThat(graph.edgeCount()).isEqualTo(edges);
  }

  @Test
  void malformedEventsAre400NamingTheJsonPath() {
    ObjectNode event =
        run("START", "2026-11-01T10:00:00Z", namespace(), "job", new String[] {"a"}, new String[0]);
    ((ObjectNode) event.get("run")).put("runId", "not-a-uuid");
    ((ObjectNode) event.get("inputs").get(0)).remove("name");

    post(pipeline(), event)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("lineage.event.invalid"))
        .body("violations.field", hasItem("$.run.runId"))
        .body("violations.field", hasItem("$.inputs[0].name"));

    post(pipeline(), "{\"eventTime\": ").statusCode(400).contentType("application/problem+json");
  }

  @Test
  void unknownFacetsAreKeptNotRejected() {
    String ns = namespace();
    ObjectNode event =
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "facets", new String[0], new String[] {"kept"});
    ((ObjectNode) event.get("outputs").get(0).get("facets"))
        .putObject("acmeCustomFacet")
        .put("_producer", "https://acme.example/x")
        .put("_schemaURL", "https://acme.example/x.json")
        .put("anything", 42);

    post(pipeline(), event).statusCode(201);

    given()
        .auth()
        .oauth2(TestTokens.consumer("marketing"))
        .queryParam("nodeId", "dataset:" + ns + ":kept")
        .when()
        .get("/api/v1/lineage/node")
        .then()
        .statusCode(200)
        .body("facets.acmeCustomFacet.anything", equalTo(42))
        .body("id", equalTo("dataset:" + ns + ":kept"));
  }

  @Test
  void aBadEventInABatchFailsAlone() {
    String ns = namespace();
    ArrayNode batch = OpenLineageEvents.JSON.createArrayNode();
    batch.add(
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "j1", new String[] {"a"}, new String[] {"b"}));
    ObjectNode bad =
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "j2", new String[0], new String[0]);
    bad.remove("eventTime");
    batch.add(bad);
    batch.add(
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "j3", new String[] {"b"}, new String[] {"c"}));

    postBatch(batch.toString())
        .statusCode(200)
        .body("status", equalTo("partial_success"))
        .body("summary.received", equalTo(3))
        .body("summary.successful", equalTo(2))
        .body("summary.failed", equalTo(1))
        .body("failed_events", hasSize(1))
        .body("failed_events[0].index", equalTo(1))
        .body("failed_events[0].reason", containsString("$.eventTime"));

    assertThat(graph.find(NodeKey.job(ns, "j1"))).isPresent();
    assertThat(graph.find(NodeKey.job(ns, "j2"))).isEmpty();
    assertThat(graph.find(NodeKey.job(ns, "j3"))).isPresent();
  }

  @Test
  void anEventTheDatabaseCannotHoldFailsAloneInItsBatch() {
    String ns = namespace();
    ArrayNode batch = OpenLineageEvents.JSON.createArrayNode();
    batch.add(
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "ok", new String[] {"a"}, new String[] {"b"}));
    ObjectNode unstorable =
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "nul", new String[0], new String[] {"c"});
    ((ObjectNode) unstorable.get("outputs").get(0).get("facets"))
        .putObject("weird")
        .put("text", "nul \u0000 byte");
    batch.add(unstorable);

    postBatch(batch.toString())
        .statusCode(200)
        .body("summary.successful", equalTo(1))
        .body("failed_events[0].index", equalTo(1))
        .body("failed_events[0].reason", matchesPattern(UNSTORABLE_STRING));

    assertThat(graph.find(NodeKey.job(ns, "ok"))).isPresent();
    assertThat(graph.find(NodeKey.job(ns, "nul"))).isEmpty();
  }

  private static final String REFERENCE =
      " \\(reference [0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\)";
  private static final String UNSTORABLE_STRING =
      Pattern.quote(
              "The event holds a string with a character that cannot be stored, such as \\u0000")
          + REFERENCE;
  private static final String UNSTORABLE_TIME =
      Pattern.quote("The event holds a date-time out of the range that can be stored") + REFERENCE;

  /** Wrong in every way the parser meets: a bad time, a bad run id, values of the wrong type. */
  private static ObjectNode malformed(String ns) {
    ObjectNode event =
        run("START", "2026-11-01T10:00:00Z", ns, "broken", new String[] {"a"}, new String[0]);
    event.put("eventTime", "2026-13-45T25:61:00Z");
    event.put("producer", 42);
    // Parses as a UUID in Java, but is not one in its written form.
    ((ObjectNode) event.get("run")).put("runId", "1-2-3-4-5");
    ((ObjectNode) event.get("job")).putArray("name");
    ((ObjectNode) event.get("inputs").get(0)).put("facets", "[]");
    event.put("outputs", "none");
    return event;
  }

  @Test
  void aMalformedEventIsRefusedInOurOwnWordsAloneOrInABatch() {
    String ns = namespace();
    String detail =
        "Not a valid OpenLineage event:"
            + " $.eventTime: must be an ISO-8601 date-time with an offset, like"
            + " 2024-06-15T12:00:00Z;"
            + " $.producer: must be a string;"
            + " $.run.runId: must be a UUID;"
            + " $.job.name: must be a string;"
            + " $.inputs[0].facets: must be an object of facets;"
            + " $.outputs: must be an array of datasets";

    String single =
        post(pipeline(), malformed(ns))
            .statusCode(400)
            .contentType("application/problem+json")
            .body("code", equalTo("lineage.event.invalid"))
            .body("detail", equalTo(detail))
            .body(
                "violations.field",
                contains(
                    "$.eventTime",
                    "$.producer",
                    "$.run.runId",
                    "$.job.name",
                    "$.inputs[0].facets",
                    "$.outputs"))
            .extract()
            .asString();
    InternalText.assertNone(single, LINEAGE_TABLES);

    ArrayNode batch = OpenLineageEvents.JSON.createArrayNode();
    batch.add(
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "fine", new String[0], new String[] {"b"}));
    batch.add(malformed(ns));
    String answer =
        postBatch(batch.toString())
            .statusCode(200)
            .body("status", equalTo("partial_success"))
            .body("failed_events", hasSize(1))
            .body("failed_events[0].index", equalTo(1))
            .body("failed_events[0].reason", equalTo(detail))
            .extract()
            .asString();
    InternalText.assertNone(answer, LINEAGE_TABLES);

    // JSON that does not parse is refused in our words too.
    InternalText.assertNone(
        post(pipeline(), "{\"eventTime\": \"2026-11-01T10:00:00Z\", \"run\": [}")
            .statusCode(400)
            .contentType("application/problem+json")
            .extract()
            .asString(),
        LINEAGE_TABLES);
    InternalText.assertNone(
        postBatch("[{\"eventTime\": tru}]")
            .statusCode(400)
            .contentType("application/problem+json")
            .extract()
            .asString(),
        LINEAGE_TABLES);
  }

  /** An event whose dataset facet holds a string PostgreSQL's jsonb refuses (22P05). */
  private static ObjectNode withNulCharacter(String ns, String job) {
    ObjectNode event =
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, job, new String[0], new String[] {"c"});
    ((ObjectNode) event.get("outputs").get(0).get("facets"))
        .putObject("weird")
        .put("text", "nul \u0000 byte");
    return event;
  }

  /** A valid ISO-8601 time past the last year a timestamptz holds (294276). */
  private static ObjectNode beyondTimestampRange(String ns, String job) {
    return run("COMPLETE", "+300000-01-01T00:00:00Z", ns, job, new String[0], new String[] {"d"});
  }

  @Test
  void aValueTheDatabaseRefusesIsNamedInOurWordsWithAReferenceToTheLog() {
    String ns = namespace();
    String nul =
        post(pipeline(), withNulCharacter(ns, "nul"))
            .statusCode(400)
            .contentType("application/problem+json")
            .body("code", equalTo("lineage.event.unstorable"))
            .body("detail", matchesPattern(UNSTORABLE_STRING))
            .extract()
            .asString();
    InternalText.assertNone(nul, LINEAGE_TABLES);
    String late =
        post(pipeline(), beyondTimestampRange(ns, "late"))
            .statusCode(400)
            .contentType("application/problem+json")
            .body("code", equalTo("lineage.event.unstorable"))
            .body("detail", matchesPattern(UNSTORABLE_TIME))
            .extract()
            .asString();
    InternalText.assertNone(late, LINEAGE_TABLES);

    ArrayNode batch = OpenLineageEvents.JSON.createArrayNode();
    batch.add(withNulCharacter(ns, "nul_in_batch"));
    batch.add(
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "kept", new String[0], new String[] {"e"}));
    batch.add(beyondTimestampRange(ns, "late_in_batch"));
    String answer =
        postBatch(batch.toString())
            .statusCode(200)
            .body("status", equalTo("partial_success"))
            .body("summary.successful", equalTo(1))
            .body("failed_events.index", contains(0, 2))
            .body("failed_events[0].reason", matchesPattern(UNSTORABLE_STRING))
            .body("failed_events[1].reason", matchesPattern(UNSTORABLE_TIME))
            .extract()
            .asString();
    InternalText.assertNone(answer, LINEAGE_TABLES);
    assertThat(graph.find(NodeKey.job(ns, "kept"))).isPresent();
    assertThat(graph.find(NodeKey.job(ns, "nul_in_batch"))).isEmpty();
    assertThat(graph.find(NodeKey.job(ns, "late_in_batch"))).isEmpty();
  }

  @Test
  void aBatchMustBeAnArray() {
    postBatch("{}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("lineage.batch.invalid"));
  }

  @Test
  void intakeNeedsAServiceAccountAnOwnerAnAdminOrAnApiKey() {
    ObjectNode event =
        run(
            "START",
            "2026-11-01T10:00:00Z",
            namespace(),
            "authz",
            new String[0],
            new String[] {"x"});

    given()
        .contentType(ContentType.JSON)
        .body(event.toString())
        .when()
        .post("/api/v1/lineage")
        .then()
        .statusCode(401);
    post(TestTokens.consumer("marketing"), event).statusCode(403);
    post(TestTokens.noRoles(), event).statusCode(403);
    post(TestTokens.domainOwner("marketing"), event).statusCode(201);
    post(TestTokens.platformAdmin(), event).statusCode(201);
    post(API_KEY, event).statusCode(201);
    post("wrong-pipeline-key", event).statusCode(401);
  }

  @Test
  void concurrentSingleEventsAreWrittenTogetherAndABadOneFailsAlone() throws Exception {
    String ns = namespace();
    String token = pipeline();
    java.util.concurrent.ExecutorService clients =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        ObjectNode event =
            run(
                "COMPLETE",
                "2026-11-01T10:00:00Z",
                ns,
                "group_" + i,
                new String[] {"src"},
                new String[] {"out_" + i});
        if (i == 17) {
          ((ObjectNode) event.get("outputs").get(0).get("facets"))
              .putObject("bad")
              .put("text", "\u0000");
        }
        statuses.add(
            clients.submit(
                () ->
                    given()
                        .auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(event.toString())
                        .when()
                        .post("/api/v1/lineage")
                        .then()
                        .extract()
                        .statusCode()));
      }
      for (int i = 0; i < 40; i++) {
        assertThat(statuses.get(i).get()).as("event " + i).isEqualTo(i == 17 ? 400 : 201);
      }
    } finally {
      clients.shutdownNow();
    }
    for (int i = 0; i < 40; i++) {
      assertThat(graph.find(NodeKey.job(ns, "group_" + i)).isPresent())
          .as("job " + i)
          .isEqualTo(i != 17);
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static ValidatableResponse postEncoded(String encoding, byte[] body) {
    return given()
        .auth()
        .oauth2(pipeline())
        .contentType(ContentType.JSON)
        .header("Content-Encoding", encoding)
        // A refused body may leave the connection closed; later tests must not reuse it.
        .header("Connection", "close")
        .body(body)
        .when()
        .post("/api/v1/lineage")
        .then();
  }

  @Test
  void aGzipBodyIsInflatedAndAnotherEncodingIs415() throws IOException {
    String ns = namespace();
    ObjectNode event =
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "zipped", new String[] {"a"}, new String[] {});
    postEncoded("gzip", gzip(event.toString()))
        .statusCode(201)
        .body("summary.successful", equalTo(1));
    assertThat(graph.find(NodeKey.job(ns, "zipped"))).isPresent();

    ObjectNode other =
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "brotli", new String[] {"a"}, new String[] {});
    postEncoded("br", other.toString().getBytes(StandardCharsets.UTF_8))
        .statusCode(415)
        .contentType("application/problem+json")
        .body("code", equalTo("request.unsupported-content-encoding"))
        .body("detail", containsString("'br'"));
    assertThat(graph.find(NodeKey.job(ns, "brotli"))).isEmpty();
    // Data that is not what its encoding says is a 400 naming the encoding.
    postEncoded("gzip", other.toString().getBytes(StandardCharsets.UTF_8))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("request.malformed-encoding"));
    // Elsewhere (GraphQL) a compressed body is not taken at all.
    given()
        .auth()
        .oauth2(pipeline())
        .contentType(ContentType.JSON)
        .header("Content-Encoding", "gzip")
        .body(gzip("{\"query\":\"{ dataset(name: \\\"x\\\") { name } }\"}"))
        .when()
        .post("/graphql")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void theSizeLimitHoldsForTheInflatedBody() throws IOException {
    // 5 MB of spaces inside the event inflate past the test limit (4 MB) from a few KB of gzip.
    String ns = namespace();
    ObjectNode event =
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "bomb", new String[] {"a"}, new String[] {});
    event.put("padding", " ".repeat(5 * 1024 * 1024));
    byte[] zipped = gzip(event.toString());
    assertThat(zipped.length).isLessThan(64 * 1024);
    postEncoded("gzip", zipped)
        .statusCode(413)
        .contentType("application/problem+json")
        .body("code", equalTo("request.too-large"));
    assertThat(graph.find(NodeKey.job(ns, "bomb"))).isEmpty();
  }
}
