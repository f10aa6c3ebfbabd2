package io.meshwork.lineage.graph;

import java.util.Arrays;

/**
 * A directed graph over dense int vertices whose edges have a validity interval [from, to) in epoch
 * milliseconds, as adjacency arrays: cheap to walk, compact at millions of edges. Not thread-safe:
 * {@link LineageGraph} guards it.
 */
final class TemporalGraph {

  /** validTo of an edge that is still valid. */
  static final long OPEN = Long.MAX_VALUE;

  private int[] source = new int[1024];
  private int[] target = new int[1024];
  private long[] validFrom = new long[1024];
  private long[] validTo = new long[1024];
  private int edges;

  private int[][] out = new int[1024][];
  private int[] outCount = new int[1024];
  private int[][] in = new int[1024][];
  private int[] inCount = new int[1024];

  int edgeCount() {
    return edges;
  }

  int addEdge(int from, int to, long since, long until) {
    ensureVertex(Math.max(from, to));
    if (edges == source.length) {
      int size = edges * 2;
      source = Arrays.copyOf(source, size);
      target = Arrays.copyOf(target, size);
      validFrom = Arrays.copyOf(validFrom, size);
      validTo = Arrays.copyOf(validTo, size);
    }
    int edge = edges++;
    source[edge] = from;
    target[edge] = to;
    validFrom[edge] = since;
    validTo[edge] = until;
    out[from] = append(out[from], outCount[from]++, edge);
    in[to] = append(in[to], inCount[to]++, edge);
    return edge;
  }

  /** Widens or ends an edge's interval; intervals only ever start earlier and end once. */
  void merge(int edge, long since, long until) {
    validFrom[edge] = Math.min(validFrom[edge], since);
    validTo[edge] = Math.min(validTo[edge], until);
  }

  boolean validAt(int edge, long at) {
    return validFrom[edge] <= at && at < validTo[edge];
  }

  int source(int edge) {
    return source[edge];
  }

  int target(int edge) {
    return target[edge];
  }

  long validFrom(int edge) {
    return validFrom[edge];
  }

  long validTo(int edge) {
    return validTo[edge];
  }

  /** The edges leaving (downstream) or entering (upstream) a vertex; read up to its count. */
  int[] edgesOf(int vertex, boolean downstream) {
    if (vertex >= out.length) {
      return EMPTY;
    }
    int[] list = downstream ? out[vertex] : in[vertex];
    return list == null ? EMPTY : list;
  }

  int degree(int vertex, boolean downstream) {
    if (vertex >= out.length) {
      return 0;
    }
    return downstream ? outCount[vertex] : inCount[vertex];
  }

  int otherEnd(int edge, boolean downstream) {
    return downstream ? target[edge] : source[edge];
  }

  private static final int[] EMPTY = new int[0];

  private void ensureVertex(int vertex) {
    if (vertex < out.length) {
      return;
    }
    int size = Math.max(out.length * 2, vertex + 1);
    out = Arrays.copyOf(out, size);
    in = Arrays.copyOf(in, size);
    outCount = Arrays.copyOf(outCount, size);
    inCount = Arrays.copyOf(inCount, size);
  }

  private static int[] append(int[] list, int at, int value) {
    if (list == null) {
      list = new int[2];
    } else if (at == list.length) {
      list = Arrays.copyOf(list, list.length * 2);
    }
    list[at] = value;
    return list;
  }
}
