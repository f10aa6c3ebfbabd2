package io.meshwork.lineage.graph;

import io.agroal.api.AgroalDataSource;
import io.meshwork.lineage.graph.GraphRows.RowReader;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Fills the in-memory graph from PostgreSQL at startup and keeps it current with rows written
 * since, by any instance. Every row carries the id of the transaction that last wrote it; a look
 * remembers the snapshot it saw (xmax and the transactions then running), and the next look reads
 * exactly the rows of transactions that were not visible to it. Commit order does not matter.
 */
@ApplicationScoped
public class GraphStore {

  private static final Logger LOG = Logger.getLogger(GraphStore.class);

  /** The current snapshot's watermark, as {@link Watermark#of} reads it. */
  private static final String WATERMARK =
      "pg_snapshot_xmax(s)::text::bigint,"
          + " ARRAY(SELECT x::text::bigint FROM pg_snapshot_xip(s) AS x)";

  private static final String FROM_SNAPSHOT =
      " FROM (SELECT pg_current_snapshot() AS s) AS snapshot";
  private static final String SNAPSHOT = "SELECT " + WATERMARK + FROM_SNAPSHOT;
  private static final String CHANGED = "tx >= ? OR tx = ANY(?)";

  /**
   * Plan-proof on purpose: max(tx) is an index lookup whatever plan the server caches for a
   * prepared statement, where {@code tx >= ?} under a generic plan is a scan of the whole table.
   */
  private static final String ANY_CHANGES =
      "SELECT "
          + WATERMARK
          + ", GREATEST((SELECT max(tx) FROM lineage_node), (SELECT max(tx) FROM lineage_edge),"
          + " (SELECT max(tx) FROM lineage_column_edge))"
          + FROM_SNAPSHOT;

  private static final String RUNNING_CHANGED =
      "SELECT EXISTS (SELECT 1 FROM lineage_node WHERE tx = ANY(?))"
          + " OR EXISTS (SELECT 1 FROM lineage_edge WHERE tx = ANY(?))"
          + " OR EXISTS (SELECT 1 FROM lineage_column_edge WHERE tx = ANY(?))";

  private final AgroalDataSource dataSource;
  private final LineageGraph graph;

  private Watermark seen = Watermark.NONE;
  private long lastLookStarted;

  public GraphStore(AgroalDataSource dataSource, LineageGraph graph) {
    this.dataSource = dataSource;
    this.graph = graph;
  }

  void onStart(@Observes StartupEvent event) throws SQLException {
    long start = System.nanoTime();
    look(true);
    LOG.infof(
        "Lineage graph loaded: %d nodes, %d edges in %d ms",
        graph.nodeCount(), graph.edgeCount(), (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Makes the graph reflect every write committed before this call. Callers arriving while a look
   * is running wait for the next one; one that started after they arrived is enough.
   */
  public void refresh() {
    long arrived = System.nanoTime();
    synchronized (this) {
      if (lastLookStarted > arrived) {
        return;
      }
      lastLookStarted = System.nanoTime();
      try {
        look(false);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read lineage changes: " + e.getMessage(), e);
      }
    }
  }

  private synchronized void look(boolean everything) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!everything && !anyChanges(connection)) {
        return;
      }
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        try (Statement plans = connection.createStatement()) {
          // The catch-up reads bind the watermark; only a custom plan uses the tx index for it.
          plans.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
        Watermark now;
        try (PreparedStatement snapshot = connection.prepareStatement(SNAPSHOT);
            ResultSet row = snapshot.executeQuery()) {
          row.next();
          now = Watermark.of(row);
        }
        String where = everything ? "" : " WHERE " + CHANGED;
        List<Node> nodes = new ArrayList<>();
        read(
            connection,
            "SELECT " + GraphRows.NODE_COLUMNS + " FROM lineage_node" + where,
            everything,
            row -> nodes.add(GraphRows.node(row)));
        graph.apply(new GraphChanges(nodes, List.of(), List.of()));
        List<GraphChanges.Edge> edges = new ArrayList<>();
        read(
            connection,
            "SELECT " + GraphRows.EDGE_COLUMNS + " FROM lineage_edge" + where,
            everything,
            row -> {
              edges.add(GraphRows.edge(row));
              if (edges.size() == 50_000) {
                graph.apply(new GraphChanges(List.of(), List.copyOf(edges), List.of()));
                edges.clear();
              }
            });
        List<GraphChanges.ColumnEdge> columns = new ArrayList<>();
        read(
            connection,
            "SELECT " + GraphRows.COLUMN_EDGE_COLUMNS + " FROM lineage_column_edge" + where,
            everything,
            row -> columns.add(GraphRows.columnEdge(row)));
        graph.apply(new GraphChanges(List.of(), edges, columns));
        connection.commit();
        seen = now;
      } finally {
        connection.rollback();
        connection.setReadOnly(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        connection.setAutoCommit(true);
      }
    }
  }

  /**
   * Usually one round trip: nothing written since the last look? Then this look's snapshot is the
   * next mark. Transactions that were running at the last look are checked apart (rarely any).
   */
  private boolean anyChanges(Connection connection) throws SQLException {
    Watermark now;
    try (PreparedStatement look = connection.prepareStatement(ANY_CHANGES);
        ResultSet row = look.executeQuery()) {
      row.next();
      now = Watermark.of(row);
      long newest = row.getLong(3);
      if (!row.wasNull() && newest >= seen.xmax()) {
        return true;
      }
    }
    if (seen.running().length > 0) {
      try (PreparedStatement look = connection.prepareStatement(RUNNING_CHANGED)) {
        Array array = connection.createArrayOf("bigint", seen.running());
        for (int i = 1; i <= 3; i++) {
          look.setArray(i, array);
        }
        try (ResultSet row = look.executeQuery()) {
          row.next();
          if (row.getBoolean(1)) {
            return true;
          }
        }
      }
    }
    seen = now;
    return false;
  }

  private void read(Connection connection, String sql, boolean everything, RowReader reader)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setFetchSize(10_000);
      if (!everything) {
        query.setLong(1, seen.xmax());
        query.setArray(2, connection.createArrayOf("bigint", seen.running()));
      }
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          reader.read(row);
        }
      }
    }
  }

  /**
   * What a look saw: {@code xmax}, the first transaction id not yet visible, and the ids that were
   * still running. A later look reads the rows of exactly those transactions and any newer.
   */
  private record Watermark(long xmax, Long[] running) {

    static final Watermark NONE = new Watermark(0, new Long[0]);

    /** Reads the first two columns of a snapshot query. */
    static Watermark of(ResultSet row) throws SQLException {
      return new Watermark(row.getLong(1), (Long[]) row.getArray(2).getArray());
    }
  }
}
