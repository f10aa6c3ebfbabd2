package io.meshwork.bench.lineage;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A lineage graph of a given number of edges with the shape real platforms have: layers of datasets
 * with jobs between them; a job reads a few datasets (mostly of the layer before, some from further
 * back, a few hubs everyone reads; now and then up to 50) and writes one to three. The same edges
 * are bulk-loaded into lineage-service's tables and kept here as adjacency arrays for the in-memory
 * baseline.
 */
final class LayeredGraph {

  static final String DATASET_NAMESPACE = "postgres://bench-warehouse:5432";
  static final String JOB_NAMESPACE = "bench-airflow";
  private static final int LAYERS = 25;
  private static final int SOURCES = 16_000;
  private static final int HUBS = 100;
  private static final int MAX_FAN = 50;

  final int edgeCount;
  int datasetCount;
  int jobCount;

  /** Vertex v: datasets are 0..datasetCount-1, jobs follow. Database id = v + 1. */
  int[] layerOf;

  int[] edgeSource;
  int[] edgeTarget;
  int[] outStart;
  int[] outEdges;
  int[] inStart;
  int[] inEdges;
  int[][] datasetsOfLayer = new int[LAYERS][];

  /**
   * Column lineage: every dataset has a field {@code id}; a written dataset's {@code id} is made by
   * its job from the {@code id} of the job's first two inputs. Per dataset: the writing job's
   * vertex and the two input datasets (-1 for none).
   */
  int[] writerOf;

  int[] columnInput1;
  int[] columnInput2;
  int columnEdgeCount;

  LayeredGraph(int edgeCount) {
    this.edgeCount = edgeCount;
    generate(new Random(42));
    index();
  }

  private void generate(Random random) {
    int jobsPerLayer = (int) Math.ceil(edgeCount / 5.0 / (LAYERS - 1));
    int maxVertices = SOURCES + LAYERS * jobsPerLayer * 4;
    layerOf = new int[maxVertices];
    int[] jobLayer = new int[LAYERS * jobsPerLayer + 1];
    int[] datasets = new int[maxVertices];
    writerOf = new int[maxVertices];
    columnInput1 = new int[maxVertices];
    columnInput2 = new int[maxVertices];
    Arrays.fill(columnInput1, -1);
    Arrays.fill(columnInput2, -1);
    edgeSource = new int[edgeCount];
    edgeTarget = new int[edgeCount];
    // Datasets get vertex ids as made; jobs are numbered apart and shifted after.
    int[] layerCount = new int[LAYERS];
    int[][] layer = new int[LAYERS][16];
    for (int i = 0; i < SOURCES; i++) {
      datasets[datasetCount] = datasetCount;
      layer[0] = add(layer[0], layerCount[0]++, datasetCount);
      layerOf[datasetCount++] = 0;
    }
    int edges = 0;
    int[] jobEdgesSource = edgeSource;
    int[] picked = new int[MAX_FAN];
    outer:
    for (int l = 1; l < LAYERS; l++) {
      for (int j = 0; j < jobsPerLayer; j++) {
        int job = jobCount++;
        jobLayer[job] = l;
        int fanIn =
            random.nextInt(100) == 0 ? MAX_FAN : Math.min(MAX_FAN, 1 + geometric(random, 2.0));
        int n = 0;
        for (int k = 0; k < fanIn; k++) {
          int from;
          int roll = random.nextInt(100);
          if (roll < 5) {
            from = random.nextInt(HUBS);
          } else if (roll < 25 && l > 1) {
            int back = random.nextInt(l - 1);
            from = layer[back][random.nextInt(layerCount[back])];
          } else {
            from = layer[l - 1][random.nextInt(layerCount[l - 1])];
          }
          boolean seen = false;
          for (int p = 0; p < n; p++) {
            seen |= picked[p] == from;
          }
          if (seen) {
            continue;
          }
          picked[n++] = from;
          if (edges == edgeCount) {
            break outer;
          }
          jobEdgesSource[edges] = from;
          edgeTarget[edges++] = -1 - job;
        }
        int fanOut = 1 + random.nextInt(3);
        for (int k = 0; k < fanOut; k++) {
          if (edges == edgeCount) {
            break outer;
          }
          int dataset = datasetCount++;
          layerOf[dataset] = l;
          writerOf[dataset] = -1 - job;
          columnInput1[dataset] = n > 0 ? picked[0] : -1;
          columnInput2[dataset] = n > 1 ? picked[1] : -1;
          columnEdgeCount += (n > 0 ? 1 : 0) + (n > 1 ? 1 : 0);
          layer[l] = add(layer[l], layerCount[l]++, dataset);
          edgeSource[edges] = -1 - job;
          edgeTarget[edges++] = dataset;
        }
      }
    }
    // Jobs become vertices datasetCount..; encode -1-job -> datasetCount + job.
    for (int e = 0; e < edges; e++) {
      if (edgeSource[e] < 0) {
        edgeSource[e] = datasetCount + (-1 - edgeSource[e]);
      }
      if (edgeTarget[e] < 0) {
        edgeTarget[e] = datasetCount + (-1 - edgeTarget[e]);
      }
    }
    writerOf = Arrays.copyOf(writerOf, datasetCount);
    columnInput1 = Arrays.copyOf(columnInput1, datasetCount);
    columnInput2 = Arrays.copyOf(columnInput2, datasetCount);
    for (int d = 0; d < datasetCount; d++) {
      if (columnInput1[d] >= 0) {
        writerOf[d] = datasetCount + (-1 - writerOf[d]);
      }
    }
    int[] layers = new int[datasetCount + jobCount];
    System.arraycopy(layerOf, 0, layers, 0, datasetCount);
    for (int job = 0; job < jobCount; job++) {
      layers[datasetCount + job] = jobLayer[job];
    }
    layerOf = layers;
    for (int l = 0; l < LAYERS; l++) {
      datasetsOfLayer[l] = Arrays.copyOf(layer[l], layerCount[l]);
    }
  }

  private static int[] add(int[] list, int at, int value) {
    if (at == list.length) {
      list = Arrays.copyOf(list, list.length * 2);
    }
    list[at] = value;
    return list;
  }

  private static int geometric(Random random, double mean) {
    double p = 1.0 / (mean + 1);
    return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
  }

  int vertices() {
    return datasetCount + jobCount;
  }

  boolean isDataset(int vertex) {
    return vertex < datasetCount;
  }

  String name(int vertex) {
    return isDataset(vertex)
        ? "l" + layerOf[vertex] + ".d" + vertex
        : "l" + layerOf[vertex] + ".j" + (vertex - datasetCount);
  }

  /** Compressed adjacency (CSR) both ways. */
  private void index() {
    int n = vertices();
    outStart = new int[n + 1];
    inStart = new int[n + 1];
    for (int e = 0; e < edgeCount; e++) {
      outStart[edgeSource[e] + 1]++;
      inStart[edgeTarget[e] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      outStart[v + 1] += outStart[v];
      inStart[v + 1] += inStart[v];
    }
    outEdges = new int[edgeCount];
    inEdges = new int[edgeCount];
    int[] outFill = Arrays.copyOf(outStart, n);
    int[] inFill = Arrays.copyOf(inStart, n);
    for (int e = 0; e < edgeCount; e++) {
      outEdges[outFill[edgeSource[e]]++] = edgeTarget[e];
      inEdges[inFill[edgeTarget[e]]++] = edgeSource[e];
    }
  }

  /** Bulk-loads nodes and edges into lineage-service's (empty) tables with COPY. */
  void load(Connection connection) throws SQLException, IOException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    CopyIn nodes =
        pg.getCopyAPI()
            .copyIn(
                "COPY lineage_node (id, kind, namespace, name, first_seen, last_updated,"
                    + " processing_type) FROM STDIN");
    try (Writer out =
        new java.io.BufferedWriter(
            new java.io.OutputStreamWriter(new PGCopyOutputStream(nodes), "UTF-8"), 1 << 20)) {
      for (int v = 0; v < vertices(); v++) {
        boolean dataset = isDataset(v);
        out.write(Integer.toString(v + 1));
        out.write(dataset ? "\tDATASET\t" : "\tJOB\t");
        out.write(dataset ? DATASET_NAMESPACE : JOB_NAMESPACE);
        out.write('\t');
        out.write(name(v));
        out.write("\t2026-01-01 00:00:00+00\t");
        out.write(dataset ? "2026-01-02 00:00:00+00" : "\\N");
        out.write(dataset ? "\t\\N\n" : (v % 10 == 0 ? "\tSTREAMING\n" : "\tBATCH\n"));
      }
    }
    CopyIn edges =
        pg.getCopyAPI()
            .copyIn("COPY lineage_edge (id, source_id, target_id, valid_from) FROM STDIN");
    try (Writer out =
        new java.io.BufferedWriter(
            new java.io.OutputStreamWriter(new PGCopyOutputStream(edges), "UTF-8"), 1 << 20)) {
      for (int e = 0; e < edgeCount; e++) {
        out.write(Integer.toString(e + 1));
        out.write('\t');
        out.write(Integer.toString(edgeSource[e] + 1));
        out.write('\t');
        out.write(Integer.toString(edgeTarget[e] + 1));
        out.write("\t2026-01-01 00:00:00+00\n");
      }
    }
    CopyIn columns =
        pg.getCopyAPI()
            .copyIn(
                "COPY lineage_column_edge (id, job_id, input_id, input_field, output_id,"
                    + " output_field, transformations, valid_from) FROM STDIN");
    try (Writer out =
        new java.io.BufferedWriter(
            new java.io.OutputStreamWriter(new PGCopyOutputStream(columns), "UTF-8"), 1 << 20)) {
      int id = 0;
      for (int d = 0; d < datasetCount; d++) {
        for (int input : new int[] {columnInput1[d], columnInput2[d]}) {
          if (input < 0) {
            continue;
          }
          out.write(Integer.toString(++id));
          out.write('\t');
          out.write(Integer.toString(writerOf[d] + 1));
          out.write('\t');
          out.write(Integer.toString(input + 1));
          out.write("\tid\t");
          out.write(Integer.toString(d + 1));
          out.write("\tid\t[{\"type\": \"DIRECT\", \"subtype\": \"IDENTITY\"}]");
          out.write("\t2026-01-01 00:00:00+00\n");
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "SELECT setval('lineage_column_edge_id_seq', " + (columnEdgeCount + 1) + ")");
      // The classic approach's index for walking column lineage upstream.
      statement.execute(
          "CREATE INDEX bench_column_edge_output ON lineage_column_edge (output_id, output_field)");
      statement.execute("ANALYZE lineage_column_edge");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "SELECT setval('lineage_node_id_seq', "
              + (vertices() + 1)
              + "),"
              + " setval('lineage_edge_id_seq', "
              + (edgeCount + 1)
              + ")");
      statement.execute("ANALYZE lineage_node");
      statement.execute("ANALYZE lineage_edge");
    }
  }

  /** Fields ({@code id} of datasets) within {@code depth} column edges upstream of a dataset's. */
  int columnsUpstream(int root, int depth, int[] mark, int[] hops, int[] queue, int generation) {
    int head = 0;
    int tail = 0;
    int reached = 0;
    queue[tail++] = root;
    mark[root] = generation;
    hops[root] = 0;
    while (head < tail) {
      int v = queue[head++];
      if (hops[v] >= depth) {
        continue;
      }
      for (int w : new int[] {columnInput1[v], columnInput2[v]}) {
        if (w >= 0 && mark[w] != generation) {
          mark[w] = generation;
          hops[w] = hops[v] + 1;
          queue[tail++] = w;
          reached++;
        }
      }
    }
    return reached;
  }

  /** Per-thread BFS state over the adjacency arrays. */
  final class Bfs {
    private final int[] mark = new int[vertices()];
    private final int[] hops = new int[vertices()];
    private final int[] queue = new int[vertices()];
    private int generation;

    /** Fields reached within {@code depth} column edges upstream of {@code root}'s {@code id}. */
    int columnsUpstream(int root, int depth) {
      return LayeredGraph.this.columnsUpstream(root, depth, mark, hops, queue, ++generation);
    }

    /** Datasets reached within {@code depth} dataset hops ({@code 2 * depth} edges). */
    int datasetsReached(int root, boolean downstream, int depth) {
      int[] start = downstream ? outStart : inStart;
      int[] next = downstream ? outEdges : inEdges;
      int limit = 2 * depth;
      int gen = ++generation;
      int head = 0;
      int tail = 0;
      int datasets = 0;
      queue[tail++] = root;
      mark[root] = gen;
      hops[root] = 0;
      while (head < tail) {
        int v = queue[head++];
        int h = hops[v];
        if (h >= limit) {
          continue;
        }
        for (int i = start[v], end = start[v + 1]; i < end; i++) {
          int w = next[i];
          if (mark[w] != gen) {
            mark[w] = gen;
            hops[w] = h + 1;
            queue[tail++] = w;
            if (w < datasetCount) {
              datasets++;
            }
          }
        }
      }
      return datasets;
    }
  }
}
