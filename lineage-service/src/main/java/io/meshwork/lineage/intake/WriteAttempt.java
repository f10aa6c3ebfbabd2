package io.meshwork.lineage.intake;

import static io.meshwork.lineage.intake.WriteStatements.CLOSE_COLUMN_EDGES;
import static io.meshwork.lineage.intake.WriteStatements.CLOSE_EDGES;
import static io.meshwork.lineage.intake.WriteStatements.INSERT_EVENTS;
import static io.meshwork.lineage.intake.WriteStatements.INSERT_RUN_DATASETS;
import static io.meshwork.lineage.intake.WriteStatements.MARK_JOB_IO;
import static io.meshwork.lineage.intake.WriteStatements.OPEN_COLUMN_EDGES;
import static io.meshwork.lineage.intake.WriteStatements.OPEN_EDGES;
import static io.meshwork.lineage.intake.WriteStatements.UPSERT_NODES;
import static io.meshwork.lineage.intake.WriteStatements.UPSERT_RUNS;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.meshwork.lineage.graph.GraphChanges;
import io.meshwork.lineage.graph.GraphRows;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempt at writing a {@link WritePlan} on one connection (inside the transaction {@link
 * GraphWriter} opens): turns the plan into the rows of each statement, sends them, and gathers the
 * graph rows the statements return, for the graph in memory.
 */
final class WriteAttempt {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WritePlan plan;
  private final LineageGraph graph;
  private final RoundTrip roundTrip;
  private final Map<NodeKey, Long> ids = new HashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<GraphChanges.Edge> edges = new ArrayList<>();
  private final List<GraphChanges.ColumnEdge> columnEdges = new ArrayList<>();

  WriteAttempt(Connection connection, WritePlan plan, LineageGraph graph) {
    this.plan = plan;
    this.graph = graph;
    this.roundTrip = new RoundTrip(connection);
  }

  /**
   * Two round trips whatever the batch holds: the statements of each stage go to the server
   * together and run in order; the second stage needs the node ids the first returns.
   */
  GraphChanges run() throws SQLException {
    upsertNodes();
    insertEvents();
    roundTrip.send();
    upsertRuns();
    insertRunDatasets();
    openEdges();
    openColumnEdges();
    closeEdges();
    closeColumnEdges();
    markJobIo();
    roundTrip.send();
    return new GraphChanges(nodes, edges, columnEdges);
  }

  /** Nodes the graph already holds and the batch says nothing new about are not written. */
  private void upsertNodes() {
    Map<NodeKey, Node> known = graph.known(List.copyOf(plan.nodes.keySet()));
    ArrayRows rows = new ArrayRows(11);
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
    roundTrip.queue(
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
    ArrayRows rows = new ArrayRows(8);
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
    ArrayRows rows = new ArrayRows(7);
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
    ArrayRows rows = new ArrayRows(3);
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
    ArrayRows rows = new ArrayRows(4);
    for (Map.Entry<EdgeKey, Instant> edge : sorted) {
      EdgeKey key = edge.getKey();
      rows.add(
          ids.get(key.source()), ids.get(key.target()), text(edge.getValue()), ids.get(key.job()));
    }
    roundTrip.queue(
        rows,
        OPEN_EDGES,
        row -> edges.add(GraphRows.edge(row)),
        "bigint",
        "bigint",
        "text",
        "bigint");
  }

  private void openColumnEdges() {
    ArrayRows rows = new ArrayRows(7);
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
    roundTrip.queue(
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

  private ArrayRows completions() {
    ArrayRows rows = new ArrayRows(3);
    for (Completion completion : plan.completions.values()) {
      rows.add(ids.get(completion.job()), text(completion.at()), completion.runId().toString());
    }
    return rows;
  }

  private void closeEdges() {
    roundTrip.queue(
        completions(),
        CLOSE_EDGES,
        row -> edges.add(GraphRows.edge(row)),
        "bigint",
        "text",
        "text");
  }

  private void closeColumnEdges() {
    ArrayRows rows = new ArrayRows(4);
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
    roundTrip.queue(
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

  private void update(ArrayRows rows, String sql, String... types) {
    roundTrip.queue(rows, sql, row -> {}, types);
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
