package io.meshwork.lineage.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphWalkerTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");

  private final List<Node> nodes = new ArrayList<>();
  private final List<GraphChanges.Edge> edges = new ArrayList<>();
  private final LineageGraph graph = new LineageGraph();

  private long node(NodeKind kind, String name) {
    long id = nodes.size() + 1;
    nodes.add(
        new Node(
            id,
            new NodeKey(kind, "ns", name),
            T0,
            null,
            "BATCH",
            null,
            null,
            null,
            List.of(),
            null,
            1,
            List.of()));
    return id;
  }

  private void edge(long source, long target, Instant from, Instant to) {
    edges.add(new GraphChanges.Edge(edges.size() + 1, source, target, from, to));
  }

  /** a -> j1 -> b -> j2 -> c, and j1 -> d only until T1. */
  private void chain() {
    long a = node(NodeKind.DATASET, "a");
    long j1 = node(NodeKind.JOB, "j1");
    long b = node(NodeKind.DATASET, "b");
    long j2 = node(NodeKind.JOB, "j2");
    long c = node(NodeKind.DATASET, "c");
    long d = node(NodeKind.DATASET, "d");
    edge(a, j1, T0, null);
    edge(j1, b, T0, null);
    edge(b, j2, T0, null);
    edge(j2, c, T0, null);
    edge(j1, d, T0, T1);
    graph.apply(new GraphChanges(nodes, edges, List.of()));
  }

  private Walk walk(String from, Direction direction, int depth, Instant asOf, int budget) {
    return graph.read(
        v ->
            GraphWalker.walk(
                v,
                v.index(NodeKey.dataset("ns", from)),
                new Walk.Request(direction, depth, asOf, budget, true)));
  }

  private static List<String> datasets(Walk walk) {
    return walk.reached().stream()
        .filter(r -> r.node().isDataset())
        .map(r -> r.node().name() + "@" + r.distance())
        .toList();
  }

  @Test
  void depthCountsDatasetHopsNotJobs() {
    chain();
    assertThat(datasets(walk("a", Direction.DOWNSTREAM, 1, null, 100))).containsExactly("b@1");
    assertThat(datasets(walk("a", Direction.DOWNSTREAM, 2, null, 100)))
        .containsExactly("b@1", "c@2");
    assertThat(datasets(walk("c", Direction.UPSTREAM, 2, null, 100))).containsExactly("b@1", "a@2");
  }

  @Test
  void anEdgeCountsOnlyWithinItsInterval() {
    chain();
    Instant between = Instant.parse("2026-01-15T00:00:00Z");
    assertThat(datasets(walk("a", Direction.DOWNSTREAM, 1, between, 100)))
        .containsExactly("b@1", "d@1");
    assertThat(datasets(walk("a", Direction.DOWNSTREAM, 1, T1, 100))).containsExactly("b@1");
    assertThat(datasets(walk("a", Direction.DOWNSTREAM, 1, T0.minusSeconds(1), 100))).isEmpty();
  }

  @Test
  void aWalkPastItsBudgetStopsAndSaysSo() {
    chain();
    Walk walk = walk("a", Direction.DOWNSTREAM, 5, null, 2);
    assertThat(walk.reached()).hasSize(2);
    assertThat(walk.truncated()).isTrue();
    assertThat(walk("a", Direction.DOWNSTREAM, 5, null, 100).truncated()).isFalse();
  }

  @Test
  void aLimitListsTheFirstNodesInOrderAndCountsThemAll() {
    chain();
    Walk walk =
        graph.read(
            v ->
                GraphWalker.walk(
                    v,
                    v.index(NodeKey.dataset("ns", "a")),
                    new Walk.Request(
                        Direction.DOWNSTREAM,
                        2,
                        Instant.parse("2026-01-15T00:00:00Z"),
                        100,
                        false,
                        NodeKind.DATASET,
                        2)));
    assertThat(walk.reached()).extracting(r -> r.node().name()).containsExactly("b", "d");
    assertThat(walk.total()).isEqualTo(3);
    Walk jobs =
        graph.read(
            v ->
                GraphWalker.walk(
                    v,
                    v.index(NodeKey.dataset("ns", "a")),
                    new Walk.Request(Direction.DOWNSTREAM, 2, null, 100, false, NodeKind.JOB, 10)));
    assertThat(jobs.reached()).extracting(r -> r.node().name()).containsExactly("j1", "j2");
    assertThat(jobs.reached()).extracting(Walk.Reached::distance).containsExactly(1, 2);
  }

  @Test
  void applyingTheSameRowsTwiceChangesNothing() {
    chain();
    int before = graph.edgeCount();
    graph.apply(new GraphChanges(nodes, edges, List.of()));
    assertThat(graph.edgeCount()).isEqualTo(before);
    assertThat(graph.nodeCount()).isEqualTo(nodes.size());
  }

  @Test
  void closingAnEdgeLaterEndsItInMemory() {
    chain();
    GraphChanges.Edge open = edges.get(1);
    graph.apply(
        new GraphChanges(
            List.of(),
            List.of(new GraphChanges.Edge(open.id(), open.sourceId(), open.targetId(), T0, T1)),
            List.of()));
    assertThat(datasets(walk("a", Direction.DOWNSTREAM, 1, null, 100))).isEmpty();
    assertThat(datasets(walk("a", Direction.DOWNSTREAM, 1, T0, 100))).containsExactly("b@1", "d@1");
  }

  /** b.x from a.x and a.y (job j1), c.z from b.x (job j2). */
  private void columnChain() {
    long a = node(NodeKind.DATASET, "a");
    long j1 = node(NodeKind.JOB, "j1");
    long b = node(NodeKind.DATASET, "b");
    long j2 = node(NodeKind.JOB, "j2");
    long c = node(NodeKind.DATASET, "c");
    List<GraphChanges.ColumnEdge> columns =
        List.of(
            new GraphChanges.ColumnEdge(1, j1, a, "x", b, "x", "[]", T0, null),
            new GraphChanges.ColumnEdge(2, j1, a, "y", b, "x", "[]", T0, null),
            new GraphChanges.ColumnEdge(3, j2, b, "x", c, "z", "[]", T0, null));
    graph.apply(new GraphChanges(nodes, edges, columns));
  }

  private ColumnGraph columnGraph(String dataset, String field, int depth, int budget) {
    return graph.read(
        v ->
            GraphWalker.columnGraph(
                v, v.index(NodeKey.dataset("ns", dataset)), field, true, depth, null, budget));
  }

  private static List<String> fields(ColumnGraph graph) {
    return graph.fields().stream().map(f -> f.dataset().name() + "." + f.name()).toList();
  }

  @Test
  void columnGraphsListFieldsAndTheEdgesBetweenThem() {
    columnChain();
    ColumnGraph fromC = columnGraph("c", "z", 5, 100);
    assertThat(fields(fromC)).containsExactly("c.z", "b.x", "a.x", "a.y");
    assertThat(fromC.links())
        .extracting(
            l -> l.input().dataset().name() + "." + l.input().name() + ">" + l.output().name())
        .containsExactlyInAnyOrder("b.x>z", "a.x>x", "a.y>x");
    assertThat(fields(columnGraph("c", "z", 1, 100))).containsExactly("c.z", "b.x");
    assertThat(fields(columnGraph("b", null, 5, 100))).containsExactly("b.x", "a.x", "a.y", "c.z");
    assertThat(fields(columnGraph("c", "unknown", 5, 100))).containsExactly("c.unknown");
  }

  @Test
  void aColumnWalkPastItsBudgetIsRefused() {
    columnChain();
    assertThat(fields(columnGraph("c", "z", 5, 3))).hasSize(4);
    assertThatThrownBy(() -> columnGraph("c", "z", 5, 2)).isInstanceOf(WalkTooLargeException.class);
    assertThatThrownBy(
            () ->
                graph.read(
                    v ->
                        GraphWalker.columns(
                            v,
                            v.index(NodeKey.dataset("ns", "c")),
                            "z",
                            Direction.UPSTREAM,
                            5,
                            null,
                            2)))
        .isInstanceOf(WalkTooLargeException.class);
  }
}
