package io.meshwork.lineage.query;

import static io.meshwork.lineage.LineageApi.graphql;
import static io.meshwork.lineage.LineageApi.record;
import static io.meshwork.lineage.OpenLineageEvents.columnLineage;
import static io.meshwork.lineage.OpenLineageEvents.dataProduct;
import static io.meshwork.lineage.OpenLineageEvents.dataset;
import static io.meshwork.lineage.OpenLineageEvents.input;
import static io.meshwork.lineage.OpenLineageEvents.jobType;
import static io.meshwork.lineage.OpenLineageEvents.output;
import static io.meshwork.lineage.OpenLineageEvents.owner;
import static io.meshwork.lineage.OpenLineageEvents.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.lineage.OpenLineageEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class LineageGraphQLTest {

  private static String namespace() {
    return "postgres://query-" + Fixtures.randomSuffix(6) + ":5432";
  }

  private static String unique(String name) {
    return name + "_" + Fixtures.randomSuffix(6);
  }

  private static io.restassured.specification.RequestSpecification asReader() {
    return given().auth().oauth2(io.meshwork.testing.TestTokens.consumer("sales"));
  }

  @Test
  void theSeedsQueryWorksAsWritten() {
    String ns = namespace();
    record(
        run(
            "COMPLETE",
            "2026-11-01T09:00:00Z",
            ns,
            "load_crm",
            new String[0],
            new String[] {"crm_customers"}),
        jobType(
            run(
                "COMPLETE",
                "2026-11-01T10:00:00Z",
                ns,
                "build_customer_360",
                new String[] {"crm_customers", "web_orders"},
                new String[] {"customer_360"}),
            "BATCH"),
        jobType(
            run(
                "RUNNING",
                "2026-11-01T10:05:00Z",
                ns,
                "stream_segments",
                new String[] {"customer_360"},
                new String[] {"customer_segments"}),
            "STREAMING"),
        jobType(
            run(
                "COMPLETE",
                "2026-11-01T10:06:00Z",
                ns,
                "export_ads",
                new String[] {"customer_360"},
                new String[] {"ads_audience"}),
            "BATCH"));

    String answer =
        graphql(
                """
                query {
                  dataset(name: "customer_360") {
                    upstream {
                      name
                      lastUpdated
                    }
                    downstream {
                      name
                      usageType
                    }
                  }
                }
                """)
            .extract()
            .asString();

    assertThat(answer)
        .isEqualTo(
            "{\"data\":{\"dataset\":{"
                + "\"upstream\":[{\"name\":\"crm_customers\",\"lastUpdated\":\"2026-11-01T09:00:00Z\"},"
                + "{\"name\":\"web_orders\",\"lastUpdated\":null}],"
                + "\"downstream\":[{\"name\":\"ads_audience\",\"usageType\":\"BATCH\"},"
                + "{\"name\":\"customer_segments\",\"usageType\":\"STREAMING\"}]}}}");
  }

  @Test
  void depthWalksSeveralHopsAndSaysHowFar() {
    String ns = namespace();
    String d0 = unique("d0");
    String d1 = unique("d1");
    String d2 = unique("d2");
    String d3 = unique("d3");
    record(
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "j1", new String[] {d0}, new String[] {d1}),
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "j2", new String[] {d1}, new String[] {d2}),
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "j3", new String[] {d2}, new String[] {d3}));

    graphql("{ dataset(name: \"" + d3 + "\") { upstream(depth: 2) { name distance via } } }")
        .body("data.dataset.upstream.name", contains(d2, d1))
        .body("data.dataset.upstream.distance", contains(1, 2))
        .body("data.dataset.upstream.via", contains("j3", "j2"));
    graphql("{ dataset(name: \"" + d0 + "\") { downstream(depth: 3) { name } } }")
        .body("data.dataset.downstream.name", contains(d1, d2, d3));
  }

  @Test
  void jobsAreNodesInTheLineageGraph() {
    String ns = namespace();
    String in = unique("in");
    String out = unique("out");
    record(
        run(
            "COMPLETE",
            "2026-11-01T10:00:00Z",
            ns,
            "make_out",
            new String[] {in},
            new String[] {out}));

    graphql(
            "{ lineage(nodeId: \"job:"
                + ns
                + ":make_out\") {"
                + " root { id type } nodes { id type name direction } edges { source target validFrom validTo }"
                + " truncated } }")
        .body("data.lineage.root.type", equalTo("JOB"))
        .body(
            "data.lineage.nodes.id",
            contains("dataset:" + ns + ":" + in, "dataset:" + ns + ":" + out))
        .body("data.lineage.nodes.direction", contains("UPSTREAM", "DOWNSTREAM"))
        .body("data.lineage.edges", hasSize(2))
        .body("data.lineage.edges.validFrom", hasItem("2026-11-01T10:00:00Z"))
        .body("data.lineage.truncated", equalTo(false));

    graphql(
            "{ dataset(name: \""
                + out
                + "\") { lineage(direction: UPSTREAM, depth: 1) { nodes { type name } } } }")
        .body("data.dataset.lineage.nodes", hasSize(2))
        .body("data.dataset.lineage.nodes.find { it.type == 'JOB' }.name", equalTo("make_out"))
        .body("data.dataset.lineage.nodes.find { it.type == 'DATASET' }.name", equalTo(in));
  }

  @Test
  void wideFanOutsComePagedWithATruncatedFlag() {
    String ns = namespace();
    String hub = unique("hub");
    String[] outs = new String[5];
    for (int i = 0; i < outs.length; i++) {
      outs[i] = hub + "_f" + i;
    }
    record(run("COMPLETE", "2026-11-01T10:00:00Z", ns, "fan", new String[] {hub}, outs));

    String cursor =
        graphql(
                "{ dataset(name: \""
                    + hub
                    + "\") { downstreamPage(first: 2) {"
                    + " items { name } totalCount truncated nextCursor } } }")
            .body("data.dataset.downstreamPage.items.name", contains(outs[0], outs[1]))
            .body("data.dataset.downstreamPage.totalCount", equalTo(5))
            .body("data.dataset.downstreamPage.truncated", equalTo(true))
            .body("data.dataset.downstreamPage.nextCursor", notNullValue())
            .extract()
            .path("data.dataset.downstreamPage.nextCursor");

    graphql(
            "{ dataset(name: \""
                + hub
                + "\") { downstreamPage(first: 3, after: \""
                + cursor
                + "\") {"
                + " items { name } truncated nextCursor } } }")
        .body("data.dataset.downstreamPage.items.name", contains(outs[2], outs[3], outs[4]))
        .body("data.dataset.downstreamPage.truncated", equalTo(false))
        .body("data.dataset.downstreamPage.nextCursor", nullValue());

    graphql("{ dataset(name: \"" + hub + "\") { downstream(first: 1) { name } } }")
        .body("data.dataset.downstream.name", contains(outs[0]));
  }

  @Test
  void asOfShowsTheGraphAsItWas() {
    String ns = namespace();
    String target = unique("target");
    String before = unique("old_source");
    String after = unique("new_source");
    UUID firstRun = UUID.randomUUID();
    ObjectNode start = run("START", firstRun, "2026-10-01T10:00:00Z", ns, "tt_job");
    input(start, dataset(ns, before));
    ObjectNode complete = run("COMPLETE", firstRun, "2026-10-01T10:30:00Z", ns, "tt_job");
    output(complete, dataset(ns, target));
    record(
        start,
        complete,
        run(
            "COMPLETE",
            "2026-10-05T10:00:00Z",
            ns,
            "tt_job",
            new String[] {after},
            new String[] {target}));

    String query = "{ dataset(name: \"" + target + "\"%s) { upstream { name } } }";
    graphql(query.formatted("")).body("data.dataset.upstream.name", contains(after));
    graphql(query.formatted(", asOf: \"2026-10-03T00:00:00Z\""))
        .body("data.dataset.upstream.name", contains(before));
    graphql(query.formatted(", asOf: \"2026-09-01T00:00:00Z\""))
        .body("data.dataset.upstream", hasSize(0));
    graphql(
            "{ lineage(nodeId: \"job:"
                + ns
                + ":tt_job\", direction: UPSTREAM) {"
                + " edges { source validFrom validTo } } }")
        .body("data.lineage.edges.source", contains("dataset:" + ns + ":" + after));
  }

  @Test
  void aLateEventDoesNotUndoANewerRun() {
    String ns = namespace();
    String target = unique("late_target");
    String current = unique("current");
    String stale = unique("stale");
    record(
        run(
            "COMPLETE",
            "2026-10-05T10:00:00Z",
            ns,
            "late_job",
            new String[] {current},
            new String[] {target}),
        run(
            "COMPLETE",
            "2026-10-01T10:00:00Z",
            ns,
            "late_job",
            new String[] {stale},
            new String[] {target}));

    graphql("{ dataset(name: \"" + target + "\") { upstream { name } } }")
        .body("data.dataset.upstream.name", contains(current));
  }

  @Test
  void columnLineageFollowsFieldsThroughJobs() {
    String ns = namespace();
    String src = unique("src");
    String mid = unique("mid");
    String dst = unique("dst");
    ObjectNode first =
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "col_a", new String[] {src}, new String[0]);
    ObjectNode midOut = dataset(ns, mid);
    columnLineage(midOut, "customer_id", ns, src, "id");
    columnLineage(midOut, "contact", ns, src, "email");
    output(first, midOut);
    ObjectNode second =
        run("COMPLETE", "2026-11-01T11:00:00Z", ns, "col_b", new String[] {mid}, new String[0]);
    ObjectNode dstOut = dataset(ns, dst);
    columnLineage(dstOut, "cid", ns, mid, "customer_id");
    output(second, dstOut);
    record(first, second);

    graphql(
            "{ columnLineage(dataset: \""
                + dst
                + "\", field: \"cid\") {"
                + " dataset field distance job transformations } }")
        .body("data.columnLineage.dataset", contains(mid, src))
        .body("data.columnLineage.field", contains("customer_id", "id"))
        .body("data.columnLineage.distance", contains(1, 2))
        .body("data.columnLineage.job", contains("col_b", "col_a"))
        .body("data.columnLineage[0].transformations", containsString("IDENTITY"));
    graphql(
            "{ columnLineage(dataset: \""
                + src
                + "\", field: \"email\", direction: DOWNSTREAM) {"
                + " dataset field } }")
        .body("data.columnLineage.dataset", contains(mid))
        .body("data.columnLineage.field", contains("contact"));
  }

  @Test
  void columnLineageTakesDatasetWideInputsAndLegacyFacets() {
    String ns = namespace();
    String orders = unique("orders");
    String totals = unique("totals");
    ObjectNode event =
        run("COMPLETE", "2026-11-02T10:00:00Z", ns, "agg", new String[] {orders}, new String[0]);
    ObjectNode out = dataset(ns, totals);
    ObjectNode facet = ((ObjectNode) out.get("facets")).putObject("columnLineage");
    facet
        .put("_producer", OpenLineageEvents.PRODUCER)
        .put(
            "_schemaURL",
            "https://openlineage.io/spec/facets/1-0-1/ColumnLineageDatasetFacet.json");
    // 1-0-1: no transformations array, type and description on the output field.
    ObjectNode amount = facet.putObject("fields").putObject("total");
    amount.put("transformationType", "AGGREGATION").put("transformationDescription", "sum");
    amount
        .putArray("inputFields")
        .addObject()
        .put("namespace", ns)
        .put("name", orders)
        .put("field", "amount");
    // 1-2-0: an input that shapes the whole dataset.
    facet
        .putArray("dataset")
        .addObject()
        .put("namespace", ns)
        .put("name", orders)
        .put("field", "status")
        .putArray("transformations")
        .addObject()
        .put("type", "INDIRECT")
        .put("subtype", "FILTER");
    output(event, out);
    record(event);

    graphql(
            "{ columnLineage(dataset: \""
                + totals
                + "\", field: \"total\") { dataset field transformations } }")
        .body("data.columnLineage.field", containsInAnyOrder("amount", "status"))
        .body(
            "data.columnLineage.find { it.field == 'amount' }.transformations",
            containsString("AGGREGATION"))
        .body(
            "data.columnLineage.find { it.field == 'status' }.transformations",
            containsString("FILTER"));
  }

  @Test
  void impactListsEveryDownstreamDatasetJobDataProductAndOwner() {
    String ns = namespace();
    String source = unique("source");
    String mart = unique("mart");
    String report = unique("report");
    ObjectNode first =
        run(
            "COMPLETE",
            "2026-11-01T10:00:00Z",
            ns,
            "build_mart",
            new String[] {source},
            new String[0]);
    output(first, dataProduct(owner(dataset(ns, mart), "team:sales"), "sales-mart"));
    ObjectNode second =
        run(
            "COMPLETE",
            "2026-11-01T11:00:00Z",
            ns,
            "build_report",
            new String[] {mart},
            new String[0]);
    output(second, dataProduct(owner(dataset(ns, report), "team:finance"), "finance-reports"));
    record(first, second);

    graphql(
            "{ impact(dataset: \""
                + source
                + "\") { dataset { name }"
                + " datasets { name distance } jobs { name } dataProducts owners truncated } }")
        .body("data.impact.dataset.name", equalTo(source))
        .body("data.impact.datasets.name", contains(mart, report))
        .body("data.impact.datasets.distance", contains(1, 2))
        .body("data.impact.jobs.name", contains("build_mart", "build_report"))
        .body("data.impact.dataProducts", contains("finance-reports", "sales-mart"))
        .body("data.impact.owners", contains("team:finance", "team:sales"))
        .body("data.impact.truncated", equalTo(false));
  }

  @Test
  void aNameInSeveralNamespacesAsksForOne() {
    String name = unique("twice");
    String a = namespace();
    String b = namespace();
    record(
        run("COMPLETE", "2026-11-01T10:00:00Z", a, "ja", new String[0], new String[] {name}),
        run("COMPLETE", "2026-11-01T10:00:00Z", b, "jb", new String[0], new String[] {name}));

    graphql("{ dataset(name: \"" + name + "\") { name } }")
        .body("errors[0].message", containsString("several namespaces"))
        .body("errors[0].message", containsString(a));
    graphql("{ dataset(name: \"" + name + "\", namespace: \"" + b + "\") { namespace } }")
        .body("data.dataset.namespace", equalTo(b));
    graphql("{ dataset(name: \"no_such_dataset_anywhere\") { name } }")
        .body("data.dataset", nullValue());
  }

  @Test
  void walksAndQueriesAreBounded() {
    graphql("{ dataset(name: \"x\") { upstream(depth: 51) { name } } }");
    String name = unique("bounded");
    record(
        run(
            "COMPLETE",
            "2026-11-01T10:00:00Z",
            namespace(),
            "jb",
            new String[0],
            new String[] {name}));

    graphql("{ dataset(name: \"" + name + "\") { upstream(depth: 51) { name } } }")
        .body("errors[0].message", containsString("depth must be between 1 and 50"));
    graphql("{ dataset(name: \"" + name + "\") { upstream(first: 0) { name } } }")
        .body("errors[0].message", containsString("first must be between 1 and 1000"));

    StringBuilder deep = new StringBuilder("{ dataset(name: \"" + name + "\") { ");
    for (int i = 0; i < 12; i++) {
      deep.append("upstream { ");
    }
    deep.append("name");
    deep.append(" }".repeat(12)).append(" } }");
    graphql(deep.toString())
        .body("data", nullValue())
        .body("errors[0].message", containsString("depth"));
  }

  @Test
  void graphqlNeedsASignedInCallerAndSaysSoAsAProblem() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("query", "{ dataset(name: \"x\") { name } }"))
        .when()
        .post("/graphql")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType("application/problem+json")
        .body("code", equalTo("auth.unauthenticated"))
        .body("status", equalTo(401));
    given()
        .auth()
        .oauth2("not-a-token")
        .contentType(ContentType.JSON)
        .body(Map.of("query", "{ dataset(name: \"x\") { name } }"))
        .when()
        .post("/graphql")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void theStandardIntrospectionQueryIsAnsweredWhileDataQueriesStayBounded() throws Exception {
    String introspection;
    try (InputStream in = getClass().getResourceAsStream("/graphql/introspection-query.graphql")) {
      introspection = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    graphql(introspection)
        .body("errors", nullValue())
        .body("data.__schema.queryType.name", equalTo("Query"))
        .body("data.__schema.types.name", hasItem("Dataset"));
    // Introspection beside data fields does not lift the bound on the data fields: dataset, 11
    // upstream and name are 13 fields deep.
    StringBuilder deep =
        new StringBuilder("{ __schema { queryType { name } } dataset(name: \"x\") {");
    deep.append(" upstream {".repeat(11)).append(" name").append(" }".repeat(11)).append(" } }");
    graphql(deep.toString())
        .body("data", nullValue())
        .body("errors[0].message", containsString("maximum query depth exceeded 13 > 12"));
    StringBuilder wide = new StringBuilder("{ dataset(name: \"x\") {");
    for (int i = 0; i < 400; i++) {
      wide.append(" f").append(i).append(": name");
    }
    graphql(wide.append(" } }").toString())
        .body("data", nullValue())
        .body("errors[0].message", containsString("maximum query complexity exceeded 401 > 400"));
  }

  @Test
  void theMarquezStyleRestGraphAndItsDrawings() {
    String ns = namespace();
    String in = unique("orders_raw");
    String out = unique("orders_clean");
    record(
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "dbt", new String[] {in}, new String[] {out}));
    String nodeId = "dataset:" + ns + ":" + out;

    asReader()
        .queryParam("nodeId", nodeId)
        .queryParam("depth", 2)
        .when()
        .get("/api/v1/lineage")
        .then()
        .statusCode(200)
        .body("graph.id", hasItems(nodeId, "job:" + ns + ":dbt", "dataset:" + ns + ":" + in))
        .body("graph.find { it.id == '" + nodeId + "' }.type", equalTo("DATASET"))
        .body(
            "graph.find { it.id == '" + nodeId + "' }.inEdges[0].origin",
            equalTo("job:" + ns + ":dbt"))
        .body(
            "graph.find { it.id == 'job:" + ns + ":dbt' }.outEdges[0].destination", equalTo(nodeId))
        .body("graph.find { it.id == '" + nodeId + "' }.data.name", equalTo(out));

    String mermaid =
        asReader()
            .queryParam("nodeId", nodeId)
            .when()
            .get("/api/v1/lineage/export")
            .then()
            .statusCode(200)
            .contentType("text/vnd.mermaid")
            .extract()
            .asString();
    assertThat(mermaid)
        .startsWith("graph TD\n")
        .contains("(\"" + in + "\")")
        .contains("(\"" + out + "\")")
        .containsPattern("d\\d+ -->\\|\"dbt\"\\| d\\d+");

    asReader()
        .queryParam("nodeId", nodeId)
        .queryParam("format", "dot")
        .when()
        .get("/api/v1/lineage/export")
        .then()
        .statusCode(200)
        .body(containsString("digraph lineage {"), containsString("[label=\"dbt\"]"));

    asReader()
        .queryParam("nodeId", "table-without-kind")
        .when()
        .get("/api/v1/lineage")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("lineage.node-id.invalid"));
    asReader()
        .queryParam("nodeId", "dataset:" + ns + ":missing")
        .when()
        .get("/api/v1/lineage")
        .then()
        .statusCode(404);
    given().queryParam("nodeId", nodeId).when().get("/api/v1/lineage").then().statusCode(401);
  }

  @Test
  void theMarquezStyleColumnLineageGraph() {
    String ns = namespace();
    String src = unique("cl_src");
    String mid = unique("cl_mid");
    String dst = unique("cl_dst");
    ObjectNode first =
        run("COMPLETE", "2026-11-01T10:00:00Z", ns, "cl_a", new String[] {src}, new String[0]);
    ObjectNode midOut = dataset(ns, mid);
    columnLineage(midOut, "customer_id", ns, src, "id");
    columnLineage(midOut, "contact", ns, src, "email");
    output(first, midOut);
    ObjectNode second =
        run("COMPLETE", "2026-11-01T11:00:00Z", ns, "cl_b", new String[] {mid}, new String[0]);
    ObjectNode dstOut = dataset(ns, dst);
    columnLineage(dstOut, "cid", ns, mid, "customer_id");
    output(second, dstOut);
    record(first, second);
    String dstCid = "datasetField:" + ns + ":" + dst + ":cid";
    String midCustomer = "datasetField:" + ns + ":" + mid + ":customer_id";
    String srcId = "datasetField:" + ns + ":" + src + ":id";

    asReader()
        .queryParam("nodeId", dstCid)
        .when()
        .get("/api/v1/column-lineage")
        .then()
        .statusCode(200)
        .body("graph.id", contains(dstCid, midCustomer, srcId))
        .body("graph.type", everyItem(equalTo("DATASET_FIELD")))
        .body("graph[0].data.dataset", equalTo(dst))
        .body("graph[0].data.field", equalTo("cid"))
        .body("graph[0].data.inputFields.dataset", contains(mid))
        .body("graph[0].data.inputFields.field", contains("customer_id"))
        .body("graph[0].data.inputFields[0].job", equalTo("job:" + ns + ":cl_b"))
        .body("graph[0].data.inputFields[0].transformationType", equalTo("IDENTITY"))
        .body("graph[0].data.inputFields[0].transformations[0].type", equalTo("DIRECT"))
        .body("graph[0].inEdges.origin", contains(midCustomer))
        .body("graph[1].outEdges.destination", contains(dstCid))
        .body("graph[2].data.inputFields", hasSize(0));

    // Upstream only unless asked; one transformation deep with depth=1.
    asReader()
        .queryParam("nodeId", midCustomer)
        .when()
        .get("/api/v1/column-lineage")
        .then()
        .statusCode(200)
        .body("graph.id", contains(midCustomer, srcId));
    asReader()
        .queryParam("nodeId", midCustomer)
        .queryParam("withDownstream", true)
        .when()
        .get("/api/v1/column-lineage")
        .then()
        .statusCode(200)
        .body("graph.id", containsInAnyOrder(midCustomer, srcId, dstCid));
    asReader()
        .queryParam("nodeId", dstCid)
        .queryParam("depth", 1)
        .when()
        .get("/api/v1/column-lineage")
        .then()
        .statusCode(200)
        .body("graph.id", contains(dstCid, midCustomer));
    asReader()
        .queryParam("nodeId", "datasetField:" + ns + ":" + dst + ":no_lineage")
        .when()
        .get("/api/v1/column-lineage")
        .then()
        .statusCode(200)
        .body("graph.id", contains("datasetField:" + ns + ":" + dst + ":no_lineage"));

    // A dataset's node id: every field of it with column lineage, and what they come from.
    asReader()
        .queryParam("nodeId", "dataset:" + ns + ":" + mid)
        .when()
        .get("/api/v1/column-lineage")
        .then()
        .statusCode(200)
        .body(
            "graph.id",
            containsInAnyOrder(
                midCustomer,
                "datasetField:" + ns + ":" + mid + ":contact",
                srcId,
                "datasetField:" + ns + ":" + src + ":email"));

    asReader()
        .queryParam("nodeId", "job:" + ns + ":cl_a")
        .when()
        .get("/api/v1/column-lineage")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("lineage.node-id.invalid"))
        .body("detail", containsString("datasetField:<namespace>:<dataset>:<field>"));
    asReader()
        .queryParam("nodeId", "datasetField:" + ns + ":missing:id")
        .when()
        .get("/api/v1/column-lineage")
        .then()
        .statusCode(404);
    given()
        .queryParam("nodeId", dstCid)
        .when()
        .get("/api/v1/column-lineage")
        .then()
        .statusCode(401);
  }

  @Test
  void aJobEventDeclaresWhatAJobReadsAndWritesFromItsTime() {
    String ns = namespace();
    String out = unique("declared_out");
    String in1 = unique("declared_in1");
    String in2 = unique("declared_in2");
    ObjectNode first =
        run(
            "COMPLETE",
            "2026-10-01T00:00:00Z",
            ns,
            "declared",
            new String[] {in1},
            new String[] {out});
    ObjectNode declaration =
        run(
            "COMPLETE",
            "2026-10-10T00:00:00Z",
            ns,
            "declared",
            new String[] {in2},
            new String[] {out});
    declaration.remove("run");
    declaration.remove("eventType");
    record(first, declaration);

    graphql("{ dataset(name: \"" + out + "\") { upstream { name } } }")
        .body("data.dataset.upstream.name", contains(in2));
    graphql(
            "{ dataset(name: \""
                + out
                + "\", asOf: \"2026-10-05T00:00:00Z\") { upstream { name } } }")
        .body("data.dataset.upstream.name", contains(in1));
  }

  @Test
  void aDatasetEventUpdatesTheDatasetItNames() {
    String ns = namespace();
    String name = unique("announced");
    record(
        datasetEvent(
            "2026-11-03T08:00:00Z",
            dataProduct(owner(dataset(ns, name), "team:growth"), "growth-metrics")));

    graphql("{ dataset(name: \"" + name + "\") { lastUpdated owners dataProduct } }")
        .body("data.dataset.lastUpdated", equalTo("2026-11-03T08:00:00Z"))
        .body("data.dataset.owners", contains("team:growth"))
        .body("data.dataset.dataProduct", equalTo("growth-metrics"));
  }

  @Test
  void aDatasetEventsColumnLineageDeclaresLineageWithoutARun() {
    String ns = namespace();
    String customers = unique("customers");
    String contacts = unique("contacts");
    String profile = unique("profile");
    ObjectNode stated = dataset(ns, profile);
    columnLineage(stated, "cid", ns, customers, "id");
    columnLineage(stated, "mail", ns, contacts, "email");
    record(datasetEvent("2026-11-04T08:00:00Z", stated));

    graphql("{ dataset(name: \"" + profile + "\") { upstream { name } } }")
        .body("data.dataset.upstream.name", containsInAnyOrder(customers, contacts));
    graphql(
            "{ columnLineage(dataset: \""
                + profile
                + "\", field: \"mail\") { dataset field distance job transformations } }")
        .body("data.columnLineage.dataset", contains(contacts))
        .body("data.columnLineage.field", contains("email"))
        .body("data.columnLineage.job", contains("declared:" + profile))
        .body("data.columnLineage[0].transformations", containsString("IDENTITY"));
    graphql(
            "{ columnLineage(dataset: \""
                + customers
                + "\", field: \"id\", direction: DOWNSTREAM) { dataset field } }")
        .body("data.columnLineage.dataset", contains(profile))
        .body("data.columnLineage.field", contains("cid"));

    // A later statement replaces the earlier one; an event without the facet changes nothing.
    ObjectNode restated = dataset(ns, profile);
    columnLineage(restated, "cid", ns, customers, "id");
    record(
        datasetEvent("2026-11-05T08:00:00Z", restated),
        datasetEvent("2026-11-06T08:00:00Z", owner(dataset(ns, profile), "team:crm")));

    graphql("{ dataset(name: \"" + profile + "\") { owners upstream { name } } }")
        .body("data.dataset.owners", contains("team:crm"))
        .body("data.dataset.upstream.name", contains(customers));
    graphql("{ columnLineage(dataset: \"" + profile + "\", field: \"mail\") { dataset } }")
        .body("data.columnLineage", hasSize(0));
    graphql(
            "{ dataset(name: \""
                + profile
                + "\", asOf: \"2026-11-04T12:00:00Z\") { upstream { name } } }")
        .body("data.dataset.upstream.name", containsInAnyOrder(customers, contacts));
  }

  private static ObjectNode datasetEvent(String at, ObjectNode dataset) {
    ObjectNode event = OpenLineageEvents.JSON.createObjectNode();
    event
        .put("eventTime", at)
        .put("producer", OpenLineageEvents.PRODUCER)
        .put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent");
    event.set("dataset", dataset);
    return event;
  }
}
