package io.meshwork.lineage.query;

import io.meshwork.lineage.config.LineageConfig;
import io.meshwork.lineage.graph.ColumnGraph;
import io.meshwork.lineage.graph.ColumnReached;
import io.meshwork.lineage.graph.Direction;
import io.meshwork.lineage.graph.GraphStore;
import io.meshwork.lineage.graph.GraphWalker;
import io.meshwork.lineage.graph.LineageGraph;
import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.graph.NodeKey;
import io.meshwork.lineage.graph.NodeKind;
import io.meshwork.lineage.graph.Walk;
import io.meshwork.lineage.graph.WalkTooLargeException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.MalformedRequestException;
import io.meshwork.web.problem.Problem;
import io.meshwork.web.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lineage reads for both APIs: finds nodes by key or by name, walks the graph in memory within the
 * configured bounds, after catching up with writes committed by any instance.
 */
@ApplicationScoped
public class LineageQueries {

  private final LineageGraph graph;
  private final GraphStore store;
  private final LineageConfig config;

  public LineageQueries(LineageGraph graph, GraphStore store, LineageConfig config) {
    this.graph = graph;
    this.store = store;
    this.config = config;
  }

  /** Makes every write committed before now visible to the next reads. */
  public void catchUp() {
    store.refresh();
  }

  public Optional<Node> find(NodeKey key) {
    return graph.find(key);
  }

  /**
   * The node a REST caller names in {@code parameter} ({@code dataset:<namespace>:<name>} or {@code
   * job:<namespace>:<name>}), after catching up; 400 if malformed, 404 if unknown.
   */
  public Node node(String nodeId, String parameter) {
    if (nodeId == null || nodeId.isBlank()) {
      throw new MalformedRequestException(
          "lineage.node-id.missing",
          parameter + " is required: dataset:<namespace>:<name> or job:<namespace>:<name>");
    }
    NodeKey key = NodeKey.parse(nodeId, parameter);
    catchUp();
    return find(key)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "lineage.node.not-found", "No lineage node " + nodeId));
  }

  /** An ISO-8601 instant a REST caller gives in {@code parameter}; null when not given. */
  public static Instant instant(String value, String parameter) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new MalformedRequestException(
          "lineage.as-of.invalid",
          parameter
              + " must be an ISO-8601 instant like 2026-01-31T12:00:00Z, got '"
              + value
              + "'");
    }
  }

  /**
   * The node of a kind with this name or alias, in {@code namespace} if given. A node's own name
   * comes before another node's alias; a name several nodes answer to (in several namespaces, or as
   * the alias of several) is refused with the list of them.
   */
  public Optional<Node> byName(NodeKind kind, String name, String namespace) {
    if (namespace != null) {
      Optional<Node> exact = graph.find(new NodeKey(kind, namespace, name));
      if (exact.isPresent()) {
        return exact;
      }
    }
    List<Node> matches =
        graph.read(
            v ->
                v.named(kind, name).stream()
                    .map(v::node)
                    .filter(node -> namespace == null || node.namespace().equals(namespace))
                    .toList());
    List<Node> owners = matches.stream().filter(node -> node.name().equals(name)).toList();
    List<Node> candidates = owners.isEmpty() ? matches : owners;
    if (candidates.size() > 1 && owners.isEmpty()) {
      // A platform name that moved to new storage still names the old, deleted node too.
      List<Node> live = candidates.stream().filter(node -> node.deletedAt() == null).toList();
      candidates = live.size() == 1 ? live : candidates;
    }
    if (candidates.size() > 1) {
      throw new AmbiguousNameException(kind, name, candidates);
    }
    return candidates.stream().findFirst();
  }

  /** Every node within {@code depth}, in order. */
  public Walk walk(Node root, Direction direction, int depth, Instant asOf, boolean withLinks) {
    return walk(root, direction, depth, asOf, withLinks, null, Integer.MAX_VALUE);
  }

  /**
   * Walks within {@code depth}; lists the first {@code limit} nodes of {@code kind} (null: all).
   */
  public Walk walk(
      Node root,
      Direction direction,
      int depth,
      Instant asOf,
      boolean withLinks,
      NodeKind kind,
      int limit) {
    Walk.Request request =
        new Walk.Request(
            direction, depth(depth), asOf, config.query().maxNodes(), withLinks, kind, limit);
    return graph.read(v -> GraphWalker.walk(v, v.index(root.key()), request));
  }

  public List<ColumnReached> columns(
      Node dataset, String field, Direction direction, int depth, Instant asOf) {
    int bounded = depth(depth);
    int budget = config.query().maxNodes();
    return bounded(
        dataset,
        field,
        bounded,
        () ->
            graph.read(
                v ->
                    GraphWalker.columns(
                        v, v.index(dataset.key()), field, direction, bounded, asOf, budget)));
  }

  /**
   * The column lineage around a dataset's field (every field with column lineage when {@code field}
   * is null) as a graph, upstream (and downstream).
   */
  public ColumnGraph columnGraph(
      Node dataset, String field, boolean withDownstream, int depth, Instant asOf) {
    int bounded = depth(depth);
    int budget = config.query().maxNodes();
    return bounded(
        dataset,
        field,
        bounded,
        () ->
            graph.read(
                v ->
                    GraphWalker.columnGraph(
                        v, v.index(dataset.key()), field, withDownstream, bounded, asOf, budget)));
  }

  /** Runs a column walk; one that reaches more fields than allowed is the caller's 400. */
  private static <T> T bounded(Node dataset, String field, int depth, Supplier<T> walk) {
    try {
      return walk.get();
    } catch (WalkTooLargeException e) {
      String what = field == null ? dataset.name() : dataset.name() + "." + field;
      throw new InvalidRequestException(
          "lineage.walk.too-large",
          "the column lineage of "
              + what
              + " reaches more than "
              + e.budget()
              + " fields within depth "
              + depth
              + "; ask for a smaller depth",
          List.of(new Problem.Violation("depth", "reaches more than " + e.budget() + " fields")));
    }
  }

  public int depth(int depth) {
    if (depth < 1 || depth > config.query().maxDepth()) {
      throw new InvalidRequestException(
          "lineage.depth.invalid",
          "depth must be between 1 and " + config.query().maxDepth() + ", got " + depth,
          List.of(
              new Problem.Violation(
                  "depth", "must be between 1 and " + config.query().maxDepth())));
    }
    return depth;
  }

  public int pageSize(Integer first) {
    if (first == null) {
      return config.query().defaultPageSize();
    }
    if (first < 1 || first > config.query().maxPageSize()) {
      throw new InvalidRequestException(
          "lineage.first.invalid",
          "first must be between 1 and " + config.query().maxPageSize() + ", got " + first,
          List.of(
              new Problem.Violation(
                  "first", "must be between 1 and " + config.query().maxPageSize())));
    }
    return first;
  }

  /** Nodes a subgraph lists: {@code first}, or as many as a page may hold. */
  public int graphSize(Integer first) {
    return first == null ? config.query().maxPageSize() : pageSize(first);
  }

  /** The depth asked for, or the deepest allowed when none is. */
  public int depthOrMax(Integer depth) {
    return depth == null ? config.query().maxDepth() : depth;
  }
}
