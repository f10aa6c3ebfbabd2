package io.meshwork.lineage.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.lineage.graph.ColumnGraph;
import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.query.LineageGraphResource.GraphEdge;
import io.meshwork.lineage.query.LineageGraphResource.GraphNode;
import io.meshwork.lineage.query.LineageGraphResource.MarquezGraph;
import io.meshwork.web.problem.MalformedRequestException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Column lineage over REST, shaped like Marquez's {@code GET /api/v1/column-lineage}. */
@Path("/api/v1/column-lineage")
@Tag(name = "Lineage graph")
@Authenticated
public class ColumnLineageResource {

  private static final String FIELD_PREFIX = "datasetField:";
  private static final String DATASET_PREFIX = "dataset:";

  private final LineageQueries queries;
  private final ObjectMapper json;

  public ColumnLineageResource(LineageQueries queries, ObjectMapper json) {
    this.queries = queries;
    this.json = json;
  }

  /**
   * Marquez's column lineage graph around a field, or around every field of a dataset that has
   * column lineage: a DATASET_FIELD node per field, each with the input fields it is made from and
   * the job and transformations that made it.
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The column lineage graph around a dataset's field (nodeId=datasetField:<namespace>:<dataset>:<field>) or all its fields (nodeId=dataset:<namespace>:<dataset>), Marquez style")
  public MarquezGraph columnLineage(
      @QueryParam("nodeId") String nodeId,
      @QueryParam("depth") @DefaultValue("20") int depth,
      @QueryParam("withDownstream") @DefaultValue("false") boolean withDownstream,
      @QueryParam("asOf") String asOf) {
    Node dataset;
    String field;
    if (nodeId != null && nodeId.startsWith(DATASET_PREFIX)) {
      dataset = queries.node(nodeId, "nodeId");
      field = null;
    } else {
      int separator = nodeId == null ? -1 : nodeId.lastIndexOf(':');
      if (nodeId == null
          || !nodeId.startsWith(FIELD_PREFIX)
          || separator <= FIELD_PREFIX.length()
          || separator == nodeId.length() - 1) {
        throw new MalformedRequestException(
            "lineage.node-id.invalid",
            "nodeId must be datasetField:<namespace>:<dataset>:<field> or"
                + " dataset:<namespace>:<dataset>, got '"
                + nodeId
                + "'");
      }
      field = nodeId.substring(separator + 1);
      dataset =
          queries.node(
              DATASET_PREFIX + nodeId.substring(FIELD_PREFIX.length(), separator), "nodeId");
    }
    ColumnGraph graph =
        queries.columnGraph(
            dataset, field, withDownstream, depth, LineageQueries.instant(asOf, "asOf"));
    Map<ColumnGraph.Field, List<ColumnGraph.Link>> inputs = new LinkedHashMap<>();
    Map<String, List<GraphEdge>> in = new LinkedHashMap<>();
    Map<String, List<GraphEdge>> out = new LinkedHashMap<>();
    for (ColumnGraph.Link link : graph.links()) {
      inputs.computeIfAbsent(link.output(), k -> new ArrayList<>()).add(link);
      GraphEdge edge = new GraphEdge(fieldId(link.input()), fieldId(link.output()));
      out.computeIfAbsent(edge.origin(), k -> new ArrayList<>()).add(edge);
      in.computeIfAbsent(edge.destination(), k -> new ArrayList<>()).add(edge);
    }
    List<GraphNode> nodes = new ArrayList<>();
    for (ColumnGraph.Field node : graph.fields()) {
      String id = fieldId(node);
      Map<String, Object> data = fieldData(node);
      data.put(
          "inputFields",
          inputs.getOrDefault(node, List.of()).stream().map(this::inputField).toList());
      nodes.add(
          new GraphNode(
              id,
              "DATASET_FIELD",
              data,
              in.getOrDefault(id, List.of()),
              out.getOrDefault(id, List.of())));
    }
    return new MarquezGraph(nodes);
  }

  private static String fieldId(ColumnGraph.Field field) {
    return FIELD_PREFIX
        + field.dataset().namespace()
        + ":"
        + field.dataset().name()
        + ":"
        + field.name();
  }

  private static Map<String, Object> fieldData(ColumnGraph.Field field) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("namespace", field.dataset().namespace());
    data.put("dataset", field.dataset().name());
    data.put("field", field.name());
    return data;
  }

  /** An input field as Marquez lists it, with the job and OpenLineage's transformations. */
  private Map<String, Object> inputField(ColumnGraph.Link link) {
    Map<String, Object> data = fieldData(link.input());
    JsonNode transformations = transformations(link.transformations());
    JsonNode first = transformations.path(0);
    data.put("job", link.job().key().id());
    data.put("transformationDescription", first.path("description").textValue());
    data.put(
        "transformationType",
        first.path("subtype").isTextual()
            ? first.path("subtype").textValue()
            : first.path("type").textValue());
    data.put("transformations", transformations);
    return data;
  }

  /** Transformations as intake wrote them: OpenLineage's JSON array. */
  private JsonNode transformations(String written) {
    try {
      return written == null ? json.createArrayNode() : json.readTree(written);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored column transformations are not JSON", e);
    }
  }
}
