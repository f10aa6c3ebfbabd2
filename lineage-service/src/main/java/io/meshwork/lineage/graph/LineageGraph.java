package io.meshwork.lineage.graph;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The whole lineage graph in memory: datasets and jobs as dense vertices, reads and writes as edges
 * with validity intervals, and column lineage beside it. PostgreSQL holds the truth; this is an
 * index of it, filled at startup and kept current by {@link GraphStore}. Walks take the read lock,
 * changes the write lock, so a walk never sees half a change.
 */
@ApplicationScoped
public class LineageGraph {

  private static final Logger LOG = Logger.getLogger(LineageGraph.class);

  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  private Node[] nodes = new Node[1024];
  private int nodeCount;
  private final LongIntMap nodeIndex = new LongIntMap(1024);
  private final Map<NodeKey, Integer> byKey = new HashMap<>();
  private final Map<String, int[]> byName = new HashMap<>();

  private final TemporalGraph edges = new TemporalGraph();
  private final LongIntMap edgeIndex = new LongIntMap(1024);

  private final TemporalGraph columnEdges = new TemporalGraph();
  private final LongIntMap columnEdgeIndex = new LongIntMap(1024);
  private final Map<ColumnKey, Integer> columnIndex = new HashMap<>();
  private final Map<Integer, int[]> columnsByNode = new HashMap<>();
  private int[] columnNode = new int[1024];
  private String[] columnField = new String[1024];
  private int columnCount;
  private int[] columnEdgeJob = new int[1024];
  private String[] columnEdgeTransformations = new String[1024];

  record ColumnKey(int node, String field) {}

  /** Applies written rows; applying the same rows again changes nothing. */
  public void apply(GraphChanges changes) {
    if (changes.isEmpty()) {
      return;
    }
    lock.writeLock().lock();
    try {
      changes.nodes().forEach(this::putNode);
      for (GraphChanges.Edge edge : changes.edges()) {
        putEdge(edge);
      }
      for (GraphChanges.ColumnEdge edge : changes.columnEdges()) {
        putColumnEdge(edge);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs {@code walk} on a consistent view of the graph. */
  public <T> T read(Function<View, T> walk) {
    lock.readLock().lock();
    try {
      return walk.apply(view);
    } finally {
      lock.readLock().unlock();
    }
  }

  public Optional<Node> find(NodeKey key) {
    return read(v -> v.index(key) < 0 ? Optional.empty() : Optional.of(v.node(v.index(key))));
  }

  /** Database ids of nodes already known, by key; unknown keys are absent. */
  public Map<NodeKey, Node> known(List<NodeKey> keys) {
    return read(
        v -> {
          Map<NodeKey, Node> found = new HashMap<>();
          for (NodeKey key : keys) {
            int index = v.index(key);
            if (index >= 0) {
              found.put(key, v.node(index));
            }
          }
          return found;
        });
  }

  /** Whether an edge between the two nodes is open now. */
  public boolean hasOpenEdge(long sourceId, long targetId) {
    return read(
        v -> {
          int source = nodeIndex.get(sourceId);
          int target = nodeIndex.get(targetId);
          if (source < 0 || target < 0) {
            return false;
          }
          int[] out = edges.edgesOf(source, true);
          for (int i = 0, n = edges.degree(source, true); i < n; i++) {
            int edge = out[i];
            if (edges.target(edge) == target && edges.validTo(edge) == TemporalGraph.OPEN) {
              return true;
            }
          }
          return false;
        });
  }

  public int nodeCount() {
    return read(v -> nodeCount);
  }

  public int edgeCount() {
    return read(v -> edges.edgeCount());
  }

  private void putNode(Node node) {
    int index = nodeIndex.get(node.id());
    if (index >= 0) {
      Node known = nodes[index];
      if (known.version() <= node.version()) {
        nodes[index] = node;
        if (!known.aliases().equals(node.aliases())) {
          known.aliases().forEach(alias -> unname(alias, node.id()));
          node.aliases().forEach(alias -> name(alias, node.id()));
        }
      }
      return;
    }
    if (nodeCount == nodes.length) {
      nodes = Arrays.copyOf(nodes, nodeCount * 2);
    }
    index = nodeCount++;
    nodes[index] = node;
    nodeIndex.put(node.id(), index);
    byKey.put(node.key(), index);
    name(node.name(), node.id());
    node.aliases().forEach(alias -> name(alias, node.id()));
  }

  /** Lists a node under a name (its own or an alias) once. */
  private void name(String name, long nodeId) {
    int index = nodeIndex.get(nodeId);
    int[] named = byName.get(name);
    if (named == null) {
      byName.put(name, new int[] {index});
    } else if (Arrays.stream(named).noneMatch(known -> known == index)) {
      int[] more = Arrays.copyOf(named, named.length + 1);
      more[named.length] = index;
      byName.put(name, more);
    }
  }

  /** Takes a node off an alias it no longer has (never off its own name). */
  private void unname(String alias, long nodeId) {
    int index = nodeIndex.get(nodeId);
    int[] named = byName.get(alias);
    if (named == null || nodes[index].name().equals(alias)) {
      return;
    }
    int[] rest = Arrays.stream(named).filter(known -> known != index).toArray();
    if (rest.length == 0) {
      byName.remove(alias);
    } else {
      byName.put(alias, rest);
    }
  }

  private void putEdge(GraphChanges.Edge edge) {
    long from = millis(edge.validFrom());
    long to = edge.validTo() == null ? TemporalGraph.OPEN : millis(edge.validTo());
    int index = edgeIndex.get(edge.id());
    if (index >= 0) {
      edges.merge(index, from, to);
      return;
    }
    int source = nodeIndex.get(edge.sourceId());
    int target = nodeIndex.get(edge.targetId());
    if (source < 0 || target < 0) {
      LOG.warnf("Edge %d names an unknown node; skipped", edge.id());
      return;
    }
    edgeIndex.put(edge.id(), edges.addEdge(source, target, from, to));
  }

  private void putColumnEdge(GraphChanges.ColumnEdge edge) {
    long from = millis(edge.validFrom());
    long to = edge.validTo() == null ? TemporalGraph.OPEN : millis(edge.validTo());
    int index = columnEdgeIndex.get(edge.id());
    if (index >= 0) {
      columnEdges.merge(index, from, to);
      columnEdgeTransformations[index] = edge.transformations();
      return;
    }
    int job = nodeIndex.get(edge.jobId());
    int input = nodeIndex.get(edge.inputId());
    int output = nodeIndex.get(edge.outputId());
    if (job < 0 || input < 0 || output < 0) {
      LOG.warnf("Column edge %d names an unknown node; skipped", edge.id());
      return;
    }
    int added =
        columnEdges.addEdge(
            column(input, edge.inputField()), column(output, edge.outputField()), from, to);
    if (added == columnEdgeJob.length) {
      columnEdgeJob = Arrays.copyOf(columnEdgeJob, added * 2);
      columnEdgeTransformations = Arrays.copyOf(columnEdgeTransformations, added * 2);
    }
    columnEdgeJob[added] = job;
    columnEdgeTransformations[added] = edge.transformations();
    columnEdgeIndex.put(edge.id(), added);
  }

  private int column(int node, String field) {
    ColumnKey key = new ColumnKey(node, field);
    Integer existing = columnIndex.get(key);
    if (existing != null) {
      return existing;
    }
    if (columnCount == columnNode.length) {
      columnNode = Arrays.copyOf(columnNode, columnCount * 2);
      columnField = Arrays.copyOf(columnField, columnCount * 2);
    }
    int index = columnCount++;
    columnNode[index] = node;
    columnField[index] = field;
    columnIndex.put(key, index);
    int[] known = columnsByNode.getOrDefault(node, new int[0]);
    int[] grown = Arrays.copyOf(known, known.length + 1);
    grown[known.length] = index;
    columnsByNode.put(node, grown);
    return index;
  }

  static long millis(Instant instant) {
    return instant.toEpochMilli();
  }

  private final View view = new View();

  /** Read access for walks, valid while the read lock is held. */
  public final class View {

    public int index(NodeKey key) {
      Integer index = byKey.get(key);
      return index == null ? -1 : index;
    }

    /** Nodes of a kind with this name or alias, in any namespace. */
    public List<Integer> named(NodeKind kind, String name) {
      int[] named = byName.getOrDefault(name, new int[0]);
      List<Integer> matches = new ArrayList<>();
      for (int index : named) {
        if (nodes[index].key().kind() == kind) {
          matches.add(index);
        }
      }
      return matches;
    }

    public Node node(int index) {
      return nodes[index];
    }

    public int nodeCount() {
      return nodeCount;
    }

    TemporalGraph edges() {
      return edges;
    }

    TemporalGraph columnEdges() {
      return columnEdges;
    }

    int columnCount() {
      return columnCount;
    }

    /** The column vertices of a node's fields that have column lineage. */
    int[] columnsOf(int node) {
      return columnsByNode.getOrDefault(node, new int[0]);
    }

    /** The column vertex of a node's field, or -1. */
    int column(int node, String field) {
      Integer index = columnIndex.get(new ColumnKey(node, field));
      return index == null ? -1 : index;
    }

    int columnNode(int column) {
      return columnNode[column];
    }

    String columnField(int column) {
      return columnField[column];
    }

    int columnEdgeJob(int edge) {
      return columnEdgeJob[edge];
    }

    String columnEdgeTransformations(int edge) {
      return columnEdgeTransformations[edge];
    }
  }
}
