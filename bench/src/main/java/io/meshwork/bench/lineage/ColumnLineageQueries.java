package io.meshwork.bench.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.bench.support.Load;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Random;

/**
 * Column lineage of the same graph (every written dataset's {@code id} made from the {@code id} of
 * its job's first two inputs): a field's upstream at depth 5 and 20 three ways, side by side, as
 * for datasets: (a) GraphQL {@code columnLineage}, (b) {@code WITH RECURSIVE} over the column edge
 * table (indexed on the output field), (c) a BFS over arrays here. Every (a) count is checked
 * against (c).
 */
final class ColumnLineageQueries {

  private static final int[] DEPTHS = {5, 20};
  private static final Duration WARM_UP = Duration.ofSeconds(10);

  private ColumnLineageQueries() {}

  static void run(LayeredGraph graph, String base, String token, Connection db, int samples)
      throws SQLException {
    Random random = new Random(11);
    int[] roots = new int[samples];
    for (int i = 0; i < samples; i++) {
      int[] layer = graph.datasetsOfLayer[8 + random.nextInt(8)];
      roots[i] = layer[random.nextInt(layer.length)];
    }
    LayeredGraph.Bfs bfs = graph.new Bfs();
    // Warm-up of this query's path in the service, for a fixed time; not counted.
    long warmUntil = System.nanoTime() + WARM_UP.toNanos();
    for (int i = 0; System.nanoTime() < warmUntil; i++) {
      graphql(base, token, graph, roots[i % samples], DEPTHS[i % DEPTHS.length]);
    }
    for (int depth : DEPTHS) {
      long[] ours = new long[samples];
      long[] memory = new long[samples];
      int mismatches = 0;
      long reached = 0;
      for (int i = 0; i < samples; i++) {
        long s = System.nanoTime();
        int expected = bfs.columnsUpstream(roots[i], depth);
        memory[i] = System.nanoTime() - s;
        reached += expected;
        s = System.nanoTime();
        JsonNode answer = graphql(base, token, graph, roots[i], depth);
        ours[i] = System.nanoTime() - s;
        if (answer.path("data").path("columnLineage").size() != expected) {
          mismatches++;
        }
      }
      int recursiveSamples = Math.min(samples, depth == 5 ? 50 : 10);
      long[] recursive = new long[recursiveSamples];
      for (int i = 0; i < recursiveSamples; i++) {
        long s = System.nanoTime();
        recursive(db, roots[i] + 1L, depth);
        recursive[i] = System.nanoTime() - s;
      }
      System.out.printf(
          "LINEAGE column depth %d upstream: %.0f fields reached on average; GraphQL counts"
              + " differing from BFS: %d of %d%n",
          depth, reached / (double) samples, mismatches, samples);
      LineageLoad.report("column depth " + depth + " (a) GraphQL columnLineage", ours);
      LineageLoad.report("column depth " + depth + " (b) WITH RECURSIVE", recursive);
      LineageLoad.report("column depth " + depth + " (c) in-memory BFS", memory);
      Load.Result a = LineageLoad.result(ours);
      Load.Result b = LineageLoad.result(recursive);
      System.out.printf(
          "LINEAGE column depth %d ratios: (b)/(a) p50 %.1fx, p99 %.1fx%n",
          depth,
          b.percentileMillis(50) / a.percentileMillis(50),
          b.percentileMillis(99) / a.percentileMillis(99));
    }
  }

  private static JsonNode graphql(
      String base, String token, LayeredGraph graph, int root, int depth) {
    String query =
        "{ columnLineage(dataset: \""
            + graph.name(root)
            + "\", namespace: \""
            + LayeredGraph.DATASET_NAMESPACE
            + "\", field: \"id\", depth: "
            + depth
            + ") { distance } }";
    return LineageLoad.graphql(base, token, query);
  }

  /** The classic query: a recursive CTE over the column edges, {@code depth} edges deep. */
  private static void recursive(Connection db, long root, int depth) throws SQLException {
    String sql =
        "WITH RECURSIVE walk(id, field, hops) AS (SELECT ?::bigint, 'id'::text, 0 UNION"
            + " SELECT e.input_id, e.input_field, w.hops + 1 FROM lineage_column_edge e"
            + " JOIN walk w ON e.output_id = w.id AND e.output_field = w.field"
            + " WHERE w.hops < ? AND e.valid_to IS NULL)"
            + " SELECT count(DISTINCT (w.id, w.field)) FROM walk w WHERE w.id <> ?";
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, root);
      query.setInt(2, depth);
      query.setLong(3, root);
      try (ResultSet row = query.executeQuery()) {
        row.next();
      }
    }
  }
}
