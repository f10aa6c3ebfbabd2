package io.meshwork.lineage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.lineage.graph.NodeKey;
import io.meshwork.lineage.intake.LineageEvent.ColumnLineage;
import io.meshwork.lineage.intake.LineageEvent.Dataset;
import io.meshwork.lineage.intake.LineageEvent.InputField;
import io.meshwork.lineage.intake.LineageEvent.Kind;
import io.meshwork.lineage.intake.LineageEvent.Owner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a batch of events writes, worked out before touching the database: nodes merged per key,
 * runs merged per id, edges and column edges deduplicated, and per job the latest event that says
 * what the job reads and writes from then on. Sorted, so concurrent batches lock rows in the same
 * order.
 */
final class WritePlan {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The {@code jobType} of the jobs that hold lineage stated by DatasetEvents. */
  private static final String DECLARED_JOB_TYPE = "DECLARED_LINEAGE";

  private static final Comparator<NodeKey> KEY_ORDER =
      Comparator.comparing(NodeKey::kind)
          .thenComparing(NodeKey::namespace)
          .thenComparing(NodeKey::name);

  final Map<NodeKey, NodeDraft> nodes = new TreeMap<>(KEY_ORDER);
  final List<LineageEvent> events;
  final Map<UUID, RunDraft> runs = new TreeMap<>();
  final Set<RunDataset> runDatasets = new LinkedHashSet<>();
  final Map<EdgeKey, Instant> edges = new HashMap<>();
  final Map<ColumnKey, ColumnDraft> columns = new HashMap<>();
  final Map<NodeKey, Completion> completions = new TreeMap<>(KEY_ORDER);
  final Map<OutputKey, ColumnCompletion> columnCompletions = new HashMap<>();

  /** A node's attributes as the batch states them; null means "not said". */
  static final class NodeDraft {
    final NodeKey key;
    Instant firstSeen;
    Instant lastUpdated;
    Instant attributesAt;
    String processingType;
    String jobType;
    String integration;
    String dataProduct;
    List<Owner> owners = List.of();
    final ObjectNode facets = JSON.createObjectNode();

    NodeDraft(NodeKey key, Instant seen) {
      this.key = key;
      this.firstSeen = seen;
    }

    /** Says nothing beyond the node's existence. */
    boolean bare() {
      return processingType == null
          && jobType == null
          && integration == null
          && dataProduct == null
          && owners.isEmpty()
          && facets.isEmpty();
    }

    String ownersJson() {
      ArrayNode array = JSON.createArrayNode();
      owners.forEach(o -> array.addObject().put("name", o.name()).put("type", o.type()));
      return array.toString();
    }
  }

  static final class RunDraft {
    final UUID runId;
    final NodeKey job;
    String state;
    Instant stateAt;
    Instant startedAt;
    Instant endedAt;
    UUID parentRunId;

    RunDraft(UUID runId, NodeKey job) {
      this.runId = runId;
      this.job = job;
    }
  }

  record RunDataset(UUID runId, NodeKey node, char direction) {}

  record EdgeKey(NodeKey source, NodeKey target, NodeKey job) {}

  record ColumnKey(
      NodeKey job, NodeKey input, String inputField, NodeKey output, String outputField) {}

  static final class ColumnDraft {
    Instant validFrom;
    Instant saidAt;
    String transformations;
  }

  /** The event that fixes what {@code job} reads and writes from {@code at}: its run's datasets. */
  record Completion(NodeKey job, Instant at, UUID runId) {}

  record OutputKey(NodeKey job, NodeKey output) {}

  /**
   * The column lineage {@code job} now makes for {@code output}: [input, inputField, outputField].
   */
  record ColumnCompletion(Instant at, List<ColumnTriple> keep) {}

  record ColumnTriple(NodeKey input, String inputField, String outputField) {}

  WritePlan(List<LineageEvent> events) {
    this.events = events;
    events.forEach(this::add);
  }

  private void add(LineageEvent event) {
    Instant at = event.eventTime();
    if (event.kind() == Kind.DATASET) {
      NodeKey key = dataset(event.dataset(), at, true);
      declaredLineage(key, event.dataset(), at);
      return;
    }
    NodeKey job = NodeKey.job(event.job().namespace(), event.job().name());
    NodeDraft jobDraft = node(job, at);
    if (event.kind() == Kind.RUN) {
      jobDraft.lastUpdated = max(jobDraft.lastUpdated, at);
    }
    if (jobDraft.attributesAt == null || !at.isBefore(jobDraft.attributesAt)) {
      jobDraft.attributesAt = at;
      LineageEvent.Job declared = event.job();
      jobDraft.processingType = firstNonNull(declared.processingType(), jobDraft.processingType);
      jobDraft.jobType = firstNonNull(declared.jobType(), jobDraft.jobType);
      jobDraft.integration = firstNonNull(declared.integration(), jobDraft.integration);
      if (!declared.owners().isEmpty()) {
        jobDraft.owners = declared.owners();
      }
      mergeFacets(jobDraft.facets, declared.facets());
    }
    UUID runId = event.kind() == Kind.RUN ? event.runId() : jobEventRun(job, at);
    if (event.kind() == Kind.RUN) {
      run(event, job);
    }
    boolean writes = event.completesRun();
    for (Dataset input : event.inputs()) {
      NodeKey key = dataset(input, at, false);
      runDatasets.add(new RunDataset(runId, key, 'I'));
      edge(new EdgeKey(key, job, job), at);
    }
    for (Dataset output : event.outputs()) {
      NodeKey key = dataset(output, at, writes);
      runDatasets.add(new RunDataset(runId, key, 'O'));
      edge(new EdgeKey(job, key, job), at);
      columnLineage(job, key, output, at, writes || event.kind() == Kind.JOB);
    }
    boolean declaresIo = !event.inputs().isEmpty() || !event.outputs().isEmpty();
    if (event.completesRun() || (event.kind() == Kind.JOB && declaresIo)) {
      complete(job, at, runId);
    }
  }

  /**
   * From {@code at} on, the job reads and writes what run {@code runId} did, until a later event
   * says otherwise.
   */
  private void complete(NodeKey job, Instant at, UUID runId) {
    Completion latest = completions.get(job);
    if (latest == null || !at.isBefore(latest.at())) {
      completions.put(job, new Completion(job, at, runId));
    }
  }

  /**
   * A DatasetEvent's {@code columnLineage} facet states lineage without a run. The graph goes
   * dataset -> job -> dataset, so the statement is kept under a job of its own, {@code
   * declared:<dataset name>} in the dataset's namespace, that reads the facet's input datasets and
   * writes the dataset. Like a JobEvent's, each such statement replaces the one before it; a
   * DatasetEvent without the facet leaves it as it is.
   */
  private void declaredLineage(NodeKey output, Dataset dataset, Instant at) {
    if (dataset.columnLineage() == null || dataset.columnLineage().isEmpty()) {
      return;
    }
    NodeKey job = declaredJob(output);
    NodeDraft jobDraft = node(job, at);
    if (jobDraft.attributesAt == null || !at.isBefore(jobDraft.attributesAt)) {
      jobDraft.attributesAt = at;
      jobDraft.jobType = DECLARED_JOB_TYPE;
    }
    UUID runId = jobEventRun(job, at);
    Set<NodeKey> inputs = new LinkedHashSet<>();
    for (ColumnLineage column : dataset.columnLineage()) {
      for (InputField input : column.inputs()) {
        inputs.add(NodeKey.dataset(input.namespace(), input.name()));
      }
    }
    for (NodeKey input : inputs) {
      node(input, at);
      runDatasets.add(new RunDataset(runId, input, 'I'));
      edge(new EdgeKey(input, job, job), at);
    }
    runDatasets.add(new RunDataset(runId, output, 'O'));
    edge(new EdgeKey(job, output, job), at);
    columnLineage(job, output, dataset, at, true);
    complete(job, at, runId);
  }

  /** The job that holds the lineage DatasetEvents declare for {@code dataset}. */
  private static NodeKey declaredJob(NodeKey dataset) {
    return NodeKey.job(dataset.namespace(), "declared:" + dataset.name());
  }

  private NodeKey dataset(Dataset dataset, Instant at, boolean written) {
    NodeKey key = NodeKey.dataset(dataset.namespace(), dataset.name());
    NodeDraft draft = node(key, at);
    if (written) {
      draft.lastUpdated = max(draft.lastUpdated, at);
    }
    if (draft.attributesAt == null || !at.isBefore(draft.attributesAt)) {
      draft.attributesAt = at;
      draft.dataProduct = firstNonNull(dataset.dataProduct(), draft.dataProduct);
      if (!dataset.owners().isEmpty()) {
        draft.owners = dataset.owners();
      }
      mergeFacets(draft.facets, dataset.facets());
      if (!dataset.assertions().isEmpty()) {
        ArrayNode assertions =
            draft.facets.putObject("dataQualityAssertions").putArray("assertions");
        for (LineageEvent.Assertion a : dataset.assertions()) {
          ObjectNode item =
              assertions.addObject().put("assertion", a.assertion()).put("success", a.success());
          if (a.column() != null) {
            item.put("column", a.column());
          }
        }
      }
    }
    return key;
  }

  private void run(LineageEvent event, NodeKey job) {
    Instant at = event.eventTime();
    RunDraft run = runs.computeIfAbsent(event.runId(), id -> new RunDraft(id, job));
    String type = event.eventType() == null ? "OTHER" : event.eventType();
    if (run.stateAt == null || !at.isBefore(run.stateAt)) {
      run.state = type;
      run.stateAt = at;
    }
    if ("START".equals(type)) {
      run.startedAt = min(run.startedAt, at);
    }
    if ("COMPLETE".equals(type) || "FAIL".equals(type) || "ABORT".equals(type)) {
      run.endedAt = max(run.endedAt, at);
    }
    if (event.parentRunId() != null) {
      run.parentRunId = event.parentRunId();
    }
  }

  private void columnLineage(
      NodeKey job, NodeKey output, Dataset dataset, Instant at, boolean replaces) {
    if (dataset.columnLineage() == null || dataset.columnLineage().isEmpty()) {
      return;
    }
    List<ColumnTriple> keep = new ArrayList<>();
    for (ColumnLineage column : dataset.columnLineage()) {
      for (InputField input : column.inputs()) {
        NodeKey inputKey = NodeKey.dataset(input.namespace(), input.name());
        node(inputKey, at);
        ColumnDraft draft =
            columns.computeIfAbsent(
                new ColumnKey(job, inputKey, input.field(), output, column.field()),
                k -> new ColumnDraft());
        if (draft.validFrom == null || at.isBefore(draft.validFrom)) {
          draft.validFrom = at;
        }
        if (draft.saidAt == null || !at.isBefore(draft.saidAt)) {
          draft.saidAt = at;
          draft.transformations =
              input.transformations() == null ? "[]" : input.transformations().toString();
        }
        keep.add(new ColumnTriple(inputKey, input.field(), column.field()));
      }
    }
    if (replaces) {
      OutputKey key = new OutputKey(job, output);
      ColumnCompletion latest = columnCompletions.get(key);
      if (latest == null || !at.isBefore(latest.at())) {
        columnCompletions.put(key, new ColumnCompletion(at, keep));
      }
    }
  }

  private NodeDraft node(NodeKey key, Instant at) {
    NodeDraft draft = nodes.computeIfAbsent(key, k -> new NodeDraft(k, at));
    draft.firstSeen = min(draft.firstSeen, at);
    return draft;
  }

  private void edge(EdgeKey key, Instant at) {
    edges.merge(key, at, (a, b) -> a.isBefore(b) ? a : b);
  }

  /** A JobEvent has no run; its datasets are kept under a run id derived from job and time. */
  static UUID jobEventRun(NodeKey job, Instant at) {
    return UUID.nameUUIDFromBytes(
        ("job-event:" + job.id() + "@" + at).getBytes(StandardCharsets.UTF_8));
  }

  private static void mergeFacets(ObjectNode into, JsonNode facets) {
    if (facets != null && facets.isObject()) {
      into.setAll((ObjectNode) facets);
    }
  }

  private static <T> T firstNonNull(T a, T b) {
    return a != null ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
