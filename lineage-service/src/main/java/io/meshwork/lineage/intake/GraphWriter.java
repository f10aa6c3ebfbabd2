package io.meshwork.lineage.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.agroal.api.AgroalDataSource;
import io.meshwork.lineage.graph.GraphChanges;
import io.meshwork.lineage.graph.GraphRows;
import io.meshwork.lineage.graph.GraphRows.RowReader;
import io.meshwork.lineage.graph.LineageGraph;
import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.graph.NodeKey;
import io.meshwork.lineage.intake.WritePlan.ColumnCompletion;
import io.meshwork.lineage.intake.WritePlan.ColumnDraft;
import io.meshwork.lineage.intake.WritePlan.ColumnKey;
import io.meshwork.lineage.intake.WritePlan.Completion;
import io.meshwork.lineage.intake.WritePlan.EdgeKey;
import io.meshwork.lineage.intake.WritePlan.NodeDraft;
import io.meshwork.lineage.intake.WritePlan.OutputKey;
import io.meshwork.lineage.intake.WritePlan.RunDataset;
import io.meshwork.lineage.intake.WritePlan.RunDraft;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Writes a batch of OpenLineage events in one transaction with a fixed number of set-based
 * statements (arrays bound as parameters, never SQL text), however many events the batch holds;
 * then hands the rows it changed to the graph in memory, so a read after the POST sees them.
 */
@ApplicationScoped
public class GraphWriter {

  private static final Logger LOG = Logger.getLogger(GraphWriter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 5;
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505");
  private static final String TX = "pg_current_xact_id()::text::bigint";

  private static final String UPSERT_NODES =
      "INSERT INTO lineage_node AS n (kind, namespace, name, first_seen, last_updated,"
          + " processing_type, job_type, integration, data_product, owners, facets)"
          + " SELECT k, ns, nm, fs::timestamptz, lu::timestamptz, pt, jt, ig, dp, ow::jsonb, fc::jsonb"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
          + " AS u(k, ns, nm, fs, lu, pt, jt, ig, dp, ow, fc)"
          + " ON CONFLICT (kind, namespace, name) DO UPDATE SET"
          + " first_seen = LEAST(n.first_seen, EXCLUDED.first_seen),"
          + " last_updated = GREATEST(n.last_updated, EXCLUDED.last_updated),"
          + " processing_type = COALESCE(EXCLUDED.processing_type, n.processing_type),"
          + " job_type = COALESCE(EXCLUDED.job_type, n.job_type),"
          + " integration = COALESCE(EXCLUDED.integration, n.integration),"
          + " data_product = COALESCE(EXCLUDED.data_product, n.data_product),"
          + " owners = CASE WHEN EXCLUDED.owners = '[]'::jsonb THEN n.owners ELSE EXCLUDED.owners END,"
          + " facets = n.facets || EXCLUDED.facets,"
          + " version = n.version + 1, tx = "
          + TX
          + " RETURNING "
          + GraphRows.NODE_COLUMNS;

  private static final String INSERT_EVENTS =
      "INSERT INTO lineage_event (event_time, kind, event_type, run_id, job_namespace, job_name,"
          + " producer, payload)"
          + " SELECT et::timestamptz, k, t, r::uuid, jn, jm, p, pl::jsonb"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[]) AS u(et, k, t, r, jn, jm, p, pl)";

  private static final String UPSERT_RUNS =
      "INSERT INTO lineage_run AS r (run_id, job_id, state, started_at, ended_at, parent_run_id,"
          + " updated_at)"
          + " SELECT id::uuid, j, s, sa::timestamptz, ea::timestamptz, p::uuid, u::timestamptz"
          + " FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[]) AS x(id, j, s, sa, ea, p, u)"
          + " ON CONFLICT (run_id) DO UPDATE SET"
          + " state = CASE WHEN EXCLUDED.updated_at >= r.updated_at THEN EXCLUDED.state"
          + " ELSE r.state END,"
          + " started_at = LEAST(r.started_at, EXCLUDED.started_at),"
          + " ended_at = GREATEST(r.ended_at, EXCLUDED.ended_at),"
          + " parent_run_id = COALESCE(EXCLUDED.parent_run_id, r.parent_run_id),"
          + " updated_at = GREATEST(r.updated_at, EXCLUDED.updated_at)";

  private static final String INSERT_RUN_DATASETS =
      "INSERT INTO lineage_run_dataset (run_id, node_id, direction)"
          + " SELECT r::uuid, n, d FROM unnest(?::text[], ?::bigint[], ?::text[]) AS x(r, n, d)"
          + " ON CONFLICT DO NOTHING";

  /** A job's newer statement of what it reads and writes outranks an older event's edges. */
  private static final String NOT_SUPERSEDED =
      " NOT EXISTS (SELECT 1 FROM lineage_job_io io WHERE io.job_id = x.j"
          + " AND io.as_of > x.f::timestamptz)";

  private static final String OPEN_EDGES =
      "INSERT INTO lineage_edge AS e (source_id, target_id, valid_from)"
          + " SELECT s, t, f::timestamptz"
          + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[]) AS x(s, t, f, j)"
          + " WHERE"
          + NOT_SUPERSEDED
          + " ON CONFLICT (source_id, target_id) WHERE valid_to IS NULL DO UPDATE SET"
          + " valid_from = EXCLUDED.valid_from, tx = "
          + TX
          + " WHERE EXCLUDED.valid_from < e.valid_from"
          + " RETURNING "
          + GraphRows.EDGE_COLUMNS;

  private static final String OPEN_COLUMN_EDGES =
      "INSERT INTO lineage_column_edge AS c (job_id, input_id, input_field, output_id,"
          + " output_field, transformations, valid_from)"
          + " SELECT j, i, fi, o, fo, tr::jsonb, f::timestamptz"
          + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[],"
          + " ?::text[]) AS x(j, i, fi, o, fo, tr, f)"
          + " WHERE"
          + NOT_SUPERSEDED
          + " ON CONFLICT (job_id, input_id, input_field, output_id, output_field)"
          + " WHERE valid_to IS NULL DO UPDATE SET"
          + " valid_from = LEAST(c.valid_from, EXCLUDED.valid_from),"
          + " transformations = EXCLUDED.transformations, tx = "
          + TX
          + " WHERE EXCLUDED.valid_from < c.valid_from"
          + " OR c.transformations IS DISTINCT FROM EXCLUDED.transformations"
          + " RETURNING "
          + GraphRows.COLUMN_EDGE_COLUMNS;

  /**
   * Ends the job's open edges to datasets its completing run did not read or write; a run that
   * named no dataset at all says nothing and ends nothing.
   */
  private static final String CLOSE_EDGES =
      "UPDATE lineage_edge AS e SET valid_to = x.f::timestamptz, tx = "
          + TX
          + " FROM unnest(?::bigint[], ?::text[], ?::text[]) AS x(j, f, r)"
          + " WHERE e.valid_to IS NULL AND e.valid_from <= x.f::timestamptz"
          + " AND (e.source_id = x.j OR e.target_id = x.j) AND"
          + NOT_SUPERSEDED
          + " AND EXISTS (SELECT 1 FROM lineage_run_dataset d WHERE d.run_id = x.r::uuid)"
          + " AND NOT EXISTS (SELECT 1 FROM lineage_run_dataset d WHERE d.run_id = x.r::uuid"
          + " AND d.node_id = CASE WHEN e.source_id = x.j THEN e.target_id ELSE e.source_id END"
          + " AND d.direction = CASE WHEN e.source_id = x.j THEN 'O' ELSE 'I' END)"
          + " RETURNING e.id, e.source_id, e.target_id, e.valid_from, e.valid_to";

  private static final String CLOSE_COLUMN_EDGES =
      "UPDATE lineage_column_edge AS c SET valid_to = x.f::timestamptz, tx = "
          + TX
          + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS x(j, o, f, keep)"
          + " WHERE c.job_id = x.j AND c.output_id = x.o AND c.valid_to IS NULL"
          + " AND c.valid_from <= x.f::timestamptz AND"
          + NOT_SUPERSEDED
          + " AND NOT x.keep::jsonb @> jsonb_build_array(jsonb_build_array(c.input_id,"
          + " c.input_field, c.output_field))"
          + " RETURNING c.id, c.job_id, c.input_id, c.input_field, c.output_id, c.output_field,"
          + " c.transformations::text, c.valid_from, c.valid_to";

  private static final String MARK_JOB_IO =
      "INSERT INTO lineage_job_io AS io (job_id, as_of)"
          + " SELECT j, f::timestamptz FROM unnest(?::bigint[], ?::text[], ?::text[]) AS x(j, f, r)"
          + " WHERE EXISTS (SELECT 1 FROM lineage_run_dataset d WHERE d.run_id = x.r::uuid)"
          + " ON CONFLICT (job_id) DO UPDATE SET as_of = GREATEST(io.as_of, EXCLUDED.as_of)";

  private final AgroalDataSource dataSource;
  private final LineageGraph graph;

  public GraphWriter(AgroalDataSource dataSource, LineageGraph graph) {
    this.dataSource = dataSource;
    this.graph = graph;
  }

  /** Writes all events or none; retried on deadlock or serialization failure. */
  public GraphChanges write(List<LineageEvent> events) throws SQLException {
    WritePlan plan = new WritePlan(events);
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          GraphChanges changes = new Writing(connection, plan).run();
          connection.commit();
          graph.apply(changes);
          return changes;
        } catch (SQLException e) {
          connection.rollback();
          if (attempt < ATTEMPTS && RETRYABLE.contains(e.getSQLState())) {
            LOG.debugf("Lineage write attempt %d failed (%s); retrying", attempt, e.getSQLState());
            continue;
          }
          throw e;
        } finally {
          connection.setAutoCommit(true);
        }
      }
    }
  }

  /** One attempt at writing a plan on one connection. */
  private final class Writing {
    private final Connection connection;
    private final WritePlan plan;
    private final Map<NodeKey, Long> ids = new HashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<GraphChanges.Edge> edges = new ArrayList<>();
    private final List<GraphChanges.ColumnEdge> columnEdges = new ArrayList<>();

    Writing(Connection connection, WritePlan plan) {
      this.connection = connection;
      this.plan = plan;
    }

    /**
     * Two round trips whatever the batch holds: the statements of each stage go to the server
     * together (one multi-statement prepared statement) and run in order; the second stage needs
     * the node ids the first returns.
     */
    GraphChanges run() throws SQLException {
      upsertNodes();
      insertEvents();
      flush();
      upsertRuns();
      insertRunDatasets();
      openEdges();
      openColumnEdges();
      closeEdges();
      closeColumnEdges();
      markJobIo();
      flush();
      return new GraphChanges(nodes, edges, columnEdges);
    }

    /** A statement waiting to be sent with the others of its stage. */
    private record Step(String sql, Rows rows, String[] types, RowReader reader) {}

    private final List<Step> steps = new ArrayList<>();

    /** Sends the waiting statements in one round trip and reads their results in order. */
    private void flush() throws SQLException {
      if (steps.isEmpty()) {
        return;
      }
      StringBuilder sql = new StringBuilder();
      for (Step step : steps) {
        sql.append(sql.isEmpty() ? "" : ";\n").append(step.sql());
      }
      try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
        int index = 1;
        for (Step step : steps) {
          index = step.rows().bind(connection, statement, index, step.types());
        }
        boolean resultSet = statement.execute();
        for (Step step : steps) {
          if (resultSet) {
            try (ResultSet row = statement.getResultSet()) {
              while (row.next()) {
                step.reader().read(row);
              }
            }
          }
          resultSet = statement.getMoreResults();
        }
      } finally {
        steps.clear();
      }
    }

    /** Nodes the graph already holds and the batch says nothing new about are not written. */
    private void upsertNodes() {
      Map<NodeKey, Node> known = graph.known(List.copyOf(plan.nodes.keySet()));
      Rows rows = new Rows(11);
      for (NodeDraft draft : plan.nodes.values()) {
        Node node = known.get(draft.key);
        if (node != null && unchanged(draft, node)) {
          ids.put(draft.key, node.id());
          continue;
        }
        rows.add(
            draft.key.kind().name(),
            draft.key.namespace(),
            draft.key.name(),
            text(draft.firstSeen),
            text(draft.lastUpdated),
            draft.processingType,
            draft.jobType,
            draft.integration,
            draft.dataProduct,
            draft.ownersJson(),
            draft.facets.toString());
      }
      query(
          rows,
          UPSERT_NODES,
          row -> {
            Node node = GraphRows.node(row);
            nodes.add(node);
            ids.put(node.key(), node.id());
          },
          "text");
    }

    private boolean unchanged(NodeDraft draft, Node node) {
      return draft.bare()
          && !draft.firstSeen.isBefore(node.firstSeen())
          && (draft.lastUpdated == null
              || (node.lastUpdated() != null && !draft.lastUpdated.isAfter(node.lastUpdated())));
    }

    private void insertEvents() {
      Rows rows = new Rows(8);
      for (LineageEvent event : plan.events) {
        rows.add(
            text(event.eventTime()),
            event.kind().name(),
            event.eventType(),
            event.runId() == null ? null : event.runId().toString(),
            event.job() == null ? null : event.job().namespace(),
            event.job() == null ? null : event.job().name(),
            event.producer(),
            json(event));
      }
      update(rows, INSERT_EVENTS, "text");
    }

    private void upsertRuns() {
      Rows rows = new Rows(7);
      for (RunDraft run : plan.runs.values()) {
        rows.add(
            run.runId.toString(),
            ids.get(run.job),
            run.state,
            text(run.startedAt),
            text(run.endedAt),
            run.parentRunId == null ? null : run.parentRunId.toString(),
            text(run.stateAt));
      }
      update(rows, UPSERT_RUNS, "text", "bigint", "text", "text", "text", "text", "text");
    }

    private void insertRunDatasets() {
      List<RunDataset> sorted = new ArrayList<>(plan.runDatasets);
      sorted.sort(
          Comparator.comparing(RunDataset::runId)
              .thenComparing(d -> ids.get(d.node()))
              .thenComparing(RunDataset::direction));
      Rows rows = new Rows(3);
      for (RunDataset d : sorted) {
        rows.add(d.runId().toString(), ids.get(d.node()), String.valueOf(d.direction()));
      }
      update(rows, INSERT_RUN_DATASETS, "text", "bigint", "text");
    }

    private void openEdges() {
      List<Map.Entry<EdgeKey, Instant>> sorted = new ArrayList<>(plan.edges.entrySet());
      sorted.sort(
          Comparator.comparing((Map.Entry<EdgeKey, Instant> e) -> ids.get(e.getKey().source()))
              .thenComparing(e -> ids.get(e.getKey().target())));
      Rows rows = new Rows(4);
      for (Map.Entry<EdgeKey, Instant> edge : sorted) {
        EdgeKey key = edge.getKey();
        rows.add(
            ids.get(key.source()),
            ids.get(key.target()),
            text(edge.getValue()),
            ids.get(key.job()));
      }
      query(
          rows,
          OPEN_EDGES,
          row -> edges.add(GraphRows.edge(row)),
          "bigint",
          "bigint",
          "text",
          "bigint");
    }

    private void openColumnEdges() {
      Rows rows = new Rows(7);
      for (Map.Entry<ColumnKey, ColumnDraft> column : sortedColumns()) {
        ColumnKey key = column.getKey();
        rows.add(
            ids.get(key.job()),
            ids.get(key.input()),
            key.inputField(),
            ids.get(key.output()),
            key.outputField(),
            column.getValue().transformations,
            text(column.getValue().validFrom));
      }
      query(
          rows,
          OPEN_COLUMN_EDGES,
          row -> columnEdges.add(GraphRows.columnEdge(row)),
          "bigint",
          "bigint",
          "text",
          "bigint",
          "text",
          "text",
          "text");
    }

    private List<Map.Entry<ColumnKey, ColumnDraft>> sortedColumns() {
      List<Map.Entry<ColumnKey, ColumnDraft>> sorted = new ArrayList<>(plan.columns.entrySet());
      sorted.sort(
          Comparator.comparing((Map.Entry<ColumnKey, ColumnDraft> e) -> ids.get(e.getKey().job()))
              .thenComparing(e -> ids.get(e.getKey().input()))
              .thenComparing(e -> e.getKey().inputField())
              .thenComparing(e -> ids.get(e.getKey().output()))
              .thenComparing(e -> e.getKey().outputField()));
      return sorted;
    }

    private Rows completions() {
      Rows rows = new Rows(3);
      for (Completion completion : plan.completions.values()) {
        rows.add(ids.get(completion.job()), text(completion.at()), completion.runId().toString());
      }
      return rows;
    }

    private void closeEdges() {
      query(
          completions(),
          CLOSE_EDGES,
          row -> edges.add(GraphRows.edge(row)),
          "bigint",
          "text",
          "text");
    }

    private void closeColumnEdges() {
      Rows rows = new Rows(4);
      for (Map.Entry<OutputKey, ColumnCompletion> entry : plan.columnCompletions.entrySet()) {
        ArrayNode keep = JSON.createArrayNode();
        for (WritePlan.ColumnTriple triple : entry.getValue().keep()) {
          keep.addArray()
              .add(ids.get(triple.input()))
              .add(triple.inputField())
              .add(triple.outputField());
        }
        rows.add(
            ids.get(entry.getKey().job()),
            ids.get(entry.getKey().output()),
            text(entry.getValue().at()),
            keep.toString());
      }
      query(
          rows,
          CLOSE_COLUMN_EDGES,
          row -> columnEdges.add(GraphRows.columnEdge(row)),
          "bigint",
          "bigint",
          "text",
          "text");
    }

    private void markJobIo() {
      update(completions(), MARK_JOB_IO, "bigint", "text", "text");
    }

    private void update(Rows rows, String sql, String... types) {
      query(rows, sql, row -> {}, types);
    }

    /** Queues a statement for the next flush; nothing to write, nothing sent. */
    private void query(Rows rows, String sql, RowReader reader, String... types) {
      if (!rows.isEmpty()) {
        steps.add(new Step(sql, rows, types, reader));
      }
    }
  }

  /** Column-wise values, bound as one array parameter per column. */
  private static final class Rows {
    private final List<List<Object>> columns = new ArrayList<>();

    Rows(int width) {
      for (int i = 0; i < width; i++) {
        columns.add(new ArrayList<>());
      }
    }

    void add(Object... values) {
      for (int i = 0; i < values.length; i++) {
        columns.get(i).add(values[i]);
      }
    }

    boolean isEmpty() {
      return columns.get(0).isEmpty();
    }

    /**
     * Binds column i as an array of {@code types[i]} (or of types[0] for all if one given) from
     * parameter {@code first} on; returns the next free parameter index.
     */
    int bind(Connection connection, PreparedStatement statement, int first, String... types)
        throws SQLException {
      for (int i = 0; i < columns.size(); i++) {
        String type = types.length == 1 ? types[0] : types[i];
        Object[] values =
            "bigint".equals(type)
                ? columns.get(i).toArray(new Long[0])
                : columns.get(i).toArray(new String[0]);
        statement.setArray(first + i, connection.createArrayOf(type, values));
      }
      return first + columns.size();
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String json(LineageEvent event) {
    try {
      return JSON.writeValueAsString(event.payload());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot write event payload", e);
    }
  }
}
