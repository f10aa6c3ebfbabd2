package io.meshwork.lineage.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Breadth-first walks over the graph in memory, at a point in time: an edge counts when {@code
 * validFrom <= at < validTo}. Scratch arrays are per thread and reused, marked with a generation
 * number instead of being cleared, so a walk costs what it visits.
 */
public final class GraphWalker {

  private static final long NOW = Long.MAX_VALUE - 1;
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
  private static final Comparator<Walk.Reached> ORDER =
      Comparator.comparing(Walk.Reached::direction)
          .thenComparingInt(Walk.Reached::distance)
          .thenComparing(r -> r.node().key().kind())
          .thenComparing(r -> r.node().name())
          .thenComparing(r -> r.node().namespace());

  private GraphWalker() {}

  /**
   * Walks from the node at {@code root} (a view index) as {@code request} says. The walk itself
   * only touches int arrays; nodes are listed, in order, only as far as the request's limit.
   */
  public static Walk walk(LineageGraph.View view, int root, Walk.Request request) {
    long at = request.asOf() == null ? NOW : request.asOf().toEpochMilli();
    TemporalGraph graph = view.edges();
    Scratch scratch = SCRATCH.get();
    scratch.fit(view.nodeCount(), request.withLinks() ? graph.edgeCount() : 0);
    int edgeGeneration = ++scratch.edgeGeneration;
    List<Walk.Reached> reached = new ArrayList<>();
    List<Walk.Link> links = new ArrayList<>();
    boolean truncated = false;
    int budget = request.maxNodes();
    int total = 0;
    boolean rootIsDataset = view.node(root).isDataset();
    for (Direction direction : directions(request.direction())) {
      boolean downstream = direction == Direction.DOWNSTREAM;
      int generation = ++scratch.generation;
      int rawLimit = 2 * request.depth();
      int[] queue = scratch.queue;
      int head = 0;
      int tail = 0;
      queue[tail++] = root;
      scratch.mark[root] = generation;
      scratch.raw[root] = 0;
      while (head < tail) {
        int from = queue[head++];
        int raw = scratch.raw[from];
        if (raw >= rawLimit) {
          continue;
        }
        int[] edges = graph.edgesOf(from, downstream);
        for (int i = 0, n = graph.degree(from, downstream); i < n; i++) {
          int edge = edges[i];
          if (!graph.validAt(edge, at)) {
            continue;
          }
          int to = graph.otherEnd(edge, downstream);
          boolean seen = scratch.mark[to] == generation;
          if (!seen && budget <= 0) {
            truncated = true;
            continue;
          }
          if (request.withLinks() && scratch.edgeMark[edge] != edgeGeneration) {
            scratch.edgeMark[edge] = edgeGeneration;
            links.add(
                new Walk.Link(
                    view.node(graph.source(edge)),
                    view.node(graph.target(edge)),
                    Instant.ofEpochMilli(graph.validFrom(edge)),
                    graph.validTo(edge) == TemporalGraph.OPEN
                        ? null
                        : Instant.ofEpochMilli(graph.validTo(edge))));
          }
          if (seen) {
            continue;
          }
          scratch.mark[to] = generation;
          scratch.raw[to] = raw + 1;
          scratch.via[to] = from;
          queue[tail++] = to;
          budget--;
          if (request.kind() == null || view.node(to).key().kind() == request.kind()) {
            total++;
          }
        }
      }
      list(view, scratch, tail, rootIsDataset, direction, request, reached);
    }
    return new Walk(view.node(root), reached, total, links, truncated);
  }

  /**
   * Adds the nodes of one direction's walk to {@code reached} in order (distance, kind, name,
   * namespace) until the request's limit. The queue holds them in breadth-first order, which is
   * already by distance: only each distance's group needs sorting, and only while needed.
   */
  private static void list(
      LineageGraph.View view,
      Scratch scratch,
      int tail,
      boolean rootIsDataset,
      Direction direction,
      Walk.Request request,
      List<Walk.Reached> reached) {
    List<Walk.Reached> group = new ArrayList<>();
    int groupDistance = -1;
    for (int i = 1; i < tail && reached.size() < request.limit(); i++) {
      int vertex = scratch.queue[i];
      Node node = view.node(vertex);
      if (request.kind() != null && node.key().kind() != request.kind()) {
        continue;
      }
      int distance = (scratch.raw[vertex] + 1 + (node.isDataset() == rootIsDataset ? 0 : 1)) / 2;
      if (distance != groupDistance) {
        flush(group, reached, request.limit());
        groupDistance = distance;
      }
      group.add(new Walk.Reached(node, distance, direction, view.node(scratch.via[vertex])));
    }
    flush(group, reached, request.limit());
  }

  private static void flush(List<Walk.Reached> group, List<Walk.Reached> reached, int limit) {
    group.sort(ORDER);
    for (int i = 0; i < group.size() && reached.size() < limit; i++) {
      reached.add(group.get(i));
    }
    group.clear();
  }

  /**
   * Walks column lineage from a dataset's field, {@code depth} transformations far; more than
   * {@code maxFields} fields reached is a {@link WalkTooLargeException}.
   */
  public static List<ColumnReached> columns(
      LineageGraph.View view,
      int dataset,
      String field,
      Direction direction,
      int depth,
      Instant asOf,
      int maxFields) {
    List<ColumnReached> reached = new ArrayList<>();
    int root = view.column(dataset, field);
    if (root < 0) {
      return reached;
    }
    walkColumns(
        view,
        new int[] {root},
        direction,
        depth,
        asOf,
        maxFields,
        (edge, to, hops, way, first) -> {
          if (first) {
            reached.add(
                new ColumnReached(
                    view.node(view.columnNode(to)),
                    view.columnField(to),
                    hops,
                    way,
                    view.node(view.columnEdgeJob(edge)),
                    view.columnEdgeTransformations(edge)));
          }
        });
    reached.sort(
        Comparator.comparing(ColumnReached::direction)
            .thenComparingInt(ColumnReached::distance)
            .thenComparing(r -> r.dataset().name())
            .thenComparing(ColumnReached::field));
    return reached;
  }

  /**
   * The column lineage around a dataset's field (or, with a null {@code field}, around every field
   * of it that has column lineage) as a graph: every field within {@code depth} transformations
   * upstream (and downstream when asked) and every column edge between them that the walk followed.
   * A field without column lineage is a graph of itself alone. More than {@code maxFields} fields
   * reached is a {@link WalkTooLargeException}.
   */
  public static ColumnGraph columnGraph(
      LineageGraph.View view,
      int dataset,
      String field,
      boolean withDownstream,
      int depth,
      Instant asOf,
      int maxFields) {
    int[] roots;
    if (field == null) {
      roots = view.columnsOf(dataset);
    } else {
      int root = view.column(dataset, field);
      if (root < 0) {
        return new ColumnGraph(
            List.of(new ColumnGraph.Field(view.node(dataset), field)), List.of());
      }
      roots = new int[] {root};
    }
    Set<Integer> fields = new LinkedHashSet<>();
    Set<Integer> edges = new LinkedHashSet<>();
    for (int root : roots) {
      fields.add(root);
    }
    walkColumns(
        view,
        roots,
        withDownstream ? Direction.BOTH : Direction.UPSTREAM,
        depth,
        asOf,
        maxFields,
        (edge, to, hops, way, first) -> {
          fields.add(to);
          edges.add(edge);
        });
    TemporalGraph graph = view.columnEdges();
    List<ColumnGraph.Link> links = new ArrayList<>(edges.size());
    for (int edge : edges) {
      links.add(
          new ColumnGraph.Link(
              field(view, graph.source(edge)),
              field(view, graph.target(edge)),
              view.node(view.columnEdgeJob(edge)),
              view.columnEdgeTransformations(edge)));
    }
    return new ColumnGraph(fields.stream().map(f -> field(view, f)).toList(), links);
  }

  private static ColumnGraph.Field field(LineageGraph.View view, int column) {
    return new ColumnGraph.Field(view.node(view.columnNode(column)), view.columnField(column));
  }

  /** What a column walk meets: each edge it follows, and whether that edge reached a new field. */
  @FunctionalInterface
  private interface ColumnStep {
    void step(int edge, int to, int hops, Direction way, boolean first);
  }

  /**
   * Breadth-first from {@code roots} over column edges valid at {@code asOf}, {@code depth}
   * transformations far, reaching at most {@code maxFields} fields in each direction.
   */
  private static void walkColumns(
      LineageGraph.View view,
      int[] roots,
      Direction direction,
      int depth,
      Instant asOf,
      int maxFields,
      ColumnStep step) {
    long at = asOf == null ? NOW : asOf.toEpochMilli();
    TemporalGraph graph = view.columnEdges();
    Scratch scratch = SCRATCH.get();
    scratch.fit(view.columnCount(), 0);
    for (Direction way : directions(direction)) {
      boolean downstream = way == Direction.DOWNSTREAM;
      int generation = ++scratch.generation;
      int[] queue = scratch.queue;
      int head = 0;
      int tail = 0;
      int reached = 0;
      for (int root : roots) {
        queue[tail++] = root;
        scratch.mark[root] = generation;
        scratch.raw[root] = 0;
      }
      while (head < tail) {
        int from = queue[head++];
        int hops = scratch.raw[from];
        if (hops >= depth) {
          continue;
        }
        int[] edges = graph.edgesOf(from, downstream);
        for (int i = 0, n = graph.degree(from, downstream); i < n; i++) {
          int edge = edges[i];
          if (!graph.validAt(edge, at)) {
            continue;
          }
          int to = graph.otherEnd(edge, downstream);
          boolean first = scratch.mark[to] != generation;
          if (first) {
            if (++reached > maxFields) {
              throw new WalkTooLargeException(maxFields);
            }
            scratch.mark[to] = generation;
            scratch.raw[to] = hops + 1;
            queue[tail++] = to;
          }
          step.step(edge, to, hops + 1, way, first);
        }
      }
    }
  }

  private static List<Direction> directions(Direction direction) {
    return direction == Direction.BOTH
        ? List.of(Direction.UPSTREAM, Direction.DOWNSTREAM)
        : List.of(direction);
  }

  /** Per-thread arrays, grown to the graph and reused across walks. */
  private static final class Scratch {
    int[] mark = new int[0];
    int[] raw = new int[0];
    int[] queue = new int[0];
    int[] via = new int[0];
    int[] edgeMark = new int[0];
    int generation;
    int edgeGeneration;

    void fit(int vertices, int edges) {
      if (mark.length < vertices) {
        int size = Math.max(vertices, mark.length * 2);
        mark = new int[size];
        raw = new int[size];
        queue = new int[size];
        via = new int[size];
        generation = 0;
      }
      if (edgeMark.length < edges) {
        edgeMark = new int[Math.max(edges, edgeMark.length * 2)];
        edgeGeneration = 0;
      }
    }
  }
}
