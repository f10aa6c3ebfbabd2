package io.meshwork.lineage.intake;

import static io.meshwork.lineage.LineageApi.graphql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.meshwork.lineage.graph.LineageGraph;
import io.meshwork.lineage.graph.NodeKey;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The official OpenLineage Java client, over its HTTP transport, with a pipeline's API key. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class OpenLineageClientTest {

  @TestHTTPResource("/")
  URL service;

  @Inject LineageGraph graph;

  /** Plain and gzip-compressed, as the client's {@code compression: gzip} option sends it. */
  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void startAndCompleteFromTheOfficialClientLandInTheGraph(boolean gzip) throws Exception {
    String ns = "postgres://client-" + Fixtures.randomSuffix(6) + ":5432";
    HttpConfig config = new HttpConfig();
    if (gzip) {
      config.setCompression(HttpConfig.Compression.GZIP);
    }
    config.setUrl(URI.create("http://" + service.getHost() + ":" + service.getPort()));
    ApiKeyTokenProvider key = new ApiKeyTokenProvider();
    key.setApiKey("test-pipeline-key");
    config.setAuth(key);
    OpenLineage ol = new OpenLineage(URI.create("https://github.com/meshwork/client-test"));
    UUID runId = UUID.randomUUID();

    try (HttpTransport transport = new HttpTransport(config)) {
      OpenLineageClient client = OpenLineageClient.builder().transport(transport).build();
      OpenLineage.Job job =
          ol.newJobBuilder()
              .namespace(ns)
              .name("nightly_orders")
              .facets(
                  ol.newJobFacetsBuilder()
                      .jobType(ol.newJobTypeJobFacet("BATCH", "SPARK", "JOB", null))
                      .build())
              .build();
      OpenLineage.InputDataset input =
          ol.newInputDatasetBuilder()
              .namespace(ns)
              .name("shop.public.orders")
              .facets(
                  ol.newDatasetFacetsBuilder()
                      .schema(
                          ol.newSchemaDatasetFacet(
                              List.of(
                                  ol.newSchemaDatasetFacetFieldsBuilder()
                                      .name("id")
                                      .type("bigint")
                                      .build(),
                                  ol.newSchemaDatasetFacetFieldsBuilder()
                                      .name("total")
                                      .type("numeric")
                                      .build())))
                      .build())
              .build();
      client.emit(
          ol.newRunEventBuilder()
              .eventType(OpenLineage.RunEvent.EventType.START)
              .eventTime(ZonedDateTime.parse("2026-11-02T01:00:00Z"))
              .run(ol.newRunBuilder().runId(runId).build())
              .job(job)
              .inputs(List.of(input))
              .outputs(List.of())
              .build());

      OpenLineage.OutputDataset output =
          ol.newOutputDatasetBuilder()
              .namespace(ns)
              .name("analytics.daily_revenue")
              .facets(
                  ol.newDatasetFacetsBuilder()
                      .columnLineage(
                          ol.newColumnLineageDatasetFacetBuilder()
                              .fields(
                                  ol.newColumnLineageDatasetFacetFieldsBuilder()
                                      .put(
                                          "revenue",
                                          ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
                                              .inputFields(
                                                  List.of(
                                                      ol.newInputField(
                                                          ns,
                                                          "shop.public.orders",
                                                          "total",
                                                          List.of(
                                                              ol.newInputFieldTransformations(
                                                                  "DIRECT",
                                                                  "AGGREGATION",
                                                                  "sum",
                                                                  false)))))
                                              .build())
                                      .build())
                              .build())
                      .build())
              .build();
      client.emit(
          ol.newRunEventBuilder()
              .eventType(OpenLineage.RunEvent.EventType.COMPLETE)
              .eventTime(ZonedDateTime.parse("2026-11-02T01:10:00Z"))
              .run(ol.newRunBuilder().runId(runId).build())
              .job(job)
              .inputs(List.of())
              .outputs(List.of(output))
              .build());
    }

    long orders = graph.find(NodeKey.dataset(ns, "shop.public.orders")).orElseThrow().id();
    long jobId = graph.find(NodeKey.job(ns, "nightly_orders")).orElseThrow().id();
    long revenue = graph.find(NodeKey.dataset(ns, "analytics.daily_revenue")).orElseThrow().id();
    // START named the input, COMPLETE the output: the run's datasets are both, so neither closes.
    assertThat(graph.hasOpenEdge(orders, jobId)).isTrue();
    assertThat(graph.hasOpenEdge(jobId, revenue)).isTrue();

    graphql(
            "{ dataset(name: \"analytics.daily_revenue\", namespace: \""
                + ns
                + "\") {"
                + " lastUpdated upstream { name usageType } } }")
        .body("data.dataset.lastUpdated", equalTo("2026-11-02T01:10:00Z"))
        .body("data.dataset.upstream.name", contains("shop.public.orders"))
        .body("data.dataset.upstream.usageType", contains("BATCH"));
    graphql(
            "{ columnLineage(dataset: \"analytics.daily_revenue\", namespace: \""
                + ns
                + "\","
                + " field: \"revenue\") { dataset field transformations } }")
        .body("data.columnLineage.field", contains("total"));
  }
}
