package io.meshwork.lineage.query;

import io.meshwork.lineage.graph.Direction;
import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.graph.Walk;
import io.meshwork.web.problem.MalformedRequestException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Lineage over REST, shaped like Marquez's {@code GET /api/v1/lineage} so tools built for it work,
 * plus an export that draws the subgraph as Mermaid or Graphviz DOT.
 */
@Path("/api/v1/lineage")
@Tag(name = "Lineage graph")
@Authenticated
public class LineageGraphResource {

  private final LineageQueries queries;
  private final NodeDetails details;

  public LineageGraphResource(LineageQueries queries, NodeDetails details) {
    this.queries = queries;
    this.details = details;
  }

  /** Marquez's graph: every node with its data and its in- and out-edges. */
  public record MarquezGraph(List<GraphNode> graph) {}

  public record GraphNode(
      String id,
      String type,
      Map<String, Object> data,
      List<GraphEdge> inEdges,
      List<GraphEdge> outEdges) {}

  public record GraphEdge(String origin, String destination) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The lineage graph around a node, Marquez style")
  public MarquezGraph graph(
      @QueryParam("nodeId") String nodeId,
      @QueryParam("depth") @DefaultValue("20") int depth,
      @QueryParam("asOf") String asOf) {
    Walk walk = walk(nodeId, depth, asOf);
    Map<String, Node> nodes = new LinkedHashMap<>();
    nodes.put(walk.root().key().id(), walk.root());
    walk.reached().forEach(r -> nodes.put(r.node().key().id(), r.node()));
    Map<String, List<GraphEdge>> in = new LinkedHashMap<>();
    Map<String, List<GraphEdge>> out = new LinkedHashMap<>();
    for (Walk.Link link : walk.links()) {
      GraphEdge edge = new GraphEdge(link.source().key().id(), link.target().key().id());
      out.computeIfAbsent(edge.origin(), k -> new ArrayList<>()).add(edge);
      in.computeIfAbsent(edge.destination(), k -> new ArrayList<>()).add(edge);
    }
    List<GraphNode> graph = new ArrayList<>();
    for (Map.Entry<String, Node> entry : nodes.entrySet()) {
      Node node = entry.getValue();
      graph.add(
          new GraphNode(
              entry.getKey(),
              node.key().kind().name(),
              data(node),
              in.getOrDefault(entry.getKey(), List.of()),
              out.getOrDefault(entry.getKey(), List.of())));
    }
    return new MarquezGraph(graph);
  }

  @GET
  @Path("/node")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One node with everything said about it, facets included")
  public Map<String, Object> node(@QueryParam("nodeId") String nodeId) {
    Node node = queries.node(nodeId, "nodeId");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", node.key().id());
    body.put("type", node.key().kind().name());
    body.putAll(data(node));
    body.put("facets", details.facets(node.id()));
    return body;
  }

  @GET
  @Path("/export")
  @Produces({"text/vnd.mermaid", "text/vnd.graphviz", MediaType.TEXT_PLAIN})
  @Operation(summary = "The lineage graph around a node drawn as Mermaid (default) or DOT")
  public Response export(
      @QueryParam("nodeId") String nodeId,
      @QueryParam("depth") @DefaultValue("5") int depth,
      @QueryParam("format") @DefaultValue("mermaid") String format,
      @QueryParam("asOf") String asOf) {
    if (!"mermaid".equals(format) && !"dot".equals(format)) {
      throw new MalformedRequestException(
          "lineage.format.invalid", "format must be mermaid or dot, got '" + format + "'");
    }
    LineageDrawing drawing = new LineageDrawing(walk(nodeId, depth, asOf));
    return "dot".equals(format)
        ? Response.ok(drawing.dot(), "text/vnd.graphviz").build()
        : Response.ok(drawing.mermaid(), "text/vnd.mermaid").build();
  }

  private Walk walk(String nodeId, int depth, String asOf) {
    Instant at = LineageQueries.instant(asOf, "asOf");
    return queries.walk(queries.node(nodeId, "nodeId"), Direction.BOTH, depth, at, true);
  }

  private static Map<String, Object> data(Node node) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("namespace", node.namespace());
    data.put("name", node.name());
    data.put("createdAt", node.firstSeen());
    data.put("updatedAt", node.lastUpdated());
    if (node.isDataset()) {
      data.put("lastModifiedAt", node.lastUpdated());
      data.put("dataProduct", node.dataProduct());
      data.put("domain", node.domain());
      data.put("deletedAt", node.deletedAt());
    } else {
      data.put("type", node.processingType());
      data.put("jobType", node.jobType());
    }
    data.put("owners", node.owners());
    return data;
  }
}
