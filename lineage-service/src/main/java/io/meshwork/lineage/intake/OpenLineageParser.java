package io.meshwork.lineage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.lineage.intake.LineageEvent.Assertion;
import io.meshwork.lineage.intake.LineageEvent.ColumnLineage;
import io.meshwork.lineage.intake.LineageEvent.Dataset;
import io.meshwork.lineage.intake.LineageEvent.Field;
import io.meshwork.lineage.intake.LineageEvent.Job;
import io.meshwork.lineage.intake.LineageEvent.Kind;
import io.meshwork.lineage.intake.LineageEvent.Owner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads an OpenLineage event (spec 2-0-x) from its JSON tree, checking what the spec requires and
 * the facets the graph uses ({@link OpenLineageFacets}, {@link ColumnLineageFacet}), and naming the
 * JSON path of every problem ({@link EventReader}). Facets it does not know are kept as they are.
 * The kind of event is told by its shape, as the spec's schema does ({@code run} makes a RunEvent,
 * else {@code dataset} a DatasetEvent, else {@code job} a JobEvent), so any {@code schemaURL}
 * version is accepted.
 */
public final class OpenLineageParser {

  static final Set<String> EVENT_TYPES =
      Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");
  private static final int MAX_DATASETS = 5_000;

  private OpenLineageParser() {}

  /** The event, or {@link InvalidEventException} listing everything wrong with it. */
  public static LineageEvent parse(JsonNode event) {
    EventReader in = new EventReader();
    LineageEvent parsed = event(in, event);
    if (!in.violations().isEmpty()) {
      throw new InvalidEventException(in.violations());
    }
    return parsed;
  }

  private static LineageEvent event(EventReader in, JsonNode event) {
    if (event == null || !event.isObject()) {
      in.problem("$", "an event must be a JSON object");
      return null;
    }
    Instant eventTime = in.time(event.path("eventTime"), "$.eventTime");
    String producer = in.uri(event.path("producer"), "$.producer");
    in.uri(event.path("schemaURL"), "$.schemaURL");
    Kind kind;
    if (event.has("run")) {
      kind = Kind.RUN;
    } else if (event.has("dataset")) {
      kind = Kind.DATASET;
    } else if (event.has("job")) {
      kind = Kind.JOB;
    } else {
      in.problem(
          "$",
          "must be a RunEvent (with run and job), a DatasetEvent (with dataset) or a JobEvent (with job)");
      return null;
    }
    String eventType = null;
    JsonNode type = event.path("eventType");
    if (!type.isMissingNode() && !type.isNull()) {
      if (kind != Kind.RUN) {
        in.problem("$.eventType", "only a RunEvent has an eventType");
      } else if (!type.isTextual() || !EVENT_TYPES.contains(type.asText())) {
        in.problem("$.eventType", "must be one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER");
      } else {
        eventType = type.asText();
      }
    }
    UUID runId = null;
    UUID parentRunId = null;
    if (kind == Kind.RUN) {
      JsonNode run = in.object(event.path("run"), "$.run", true);
      runId = in.uuid(run.path("runId"), "$.run.runId", true);
      JsonNode facets = in.facets(run.path("facets"), "$.run.facets");
      JsonNode parent = facets.path("parent");
      if (!parent.isMissingNode()) {
        parentRunId =
            in.uuid(parent.path("run").path("runId"), "$.run.facets.parent.run.runId", true);
      }
    }
    Job job = null;
    if (kind != Kind.DATASET) {
      job = job(in, event.path("job"), "$.job");
    } else if (event.has("job") || event.has("run")) {
      in.problem("$", "a DatasetEvent has no job or run");
    }
    Dataset dataset =
        kind == Kind.DATASET ? dataset(in, event.path("dataset"), "$.dataset", null) : null;
    List<Dataset> inputs = datasets(in, event.path("inputs"), "$.inputs", "inputFacets");
    List<Dataset> outputs = datasets(in, event.path("outputs"), "$.outputs", "outputFacets");
    if (kind == Kind.DATASET && (!inputs.isEmpty() || !outputs.isEmpty())) {
      in.problem("$", "a DatasetEvent has no inputs or outputs");
    }
    return new LineageEvent(
        kind,
        eventType,
        eventTime,
        producer,
        runId,
        parentRunId,
        job,
        inputs,
        outputs,
        dataset,
        event);
  }

  private static Job job(EventReader in, JsonNode node, String path) {
    JsonNode job = in.object(node, path, true);
    String namespace = in.text(job.path("namespace"), path + ".namespace", true);
    String name = in.text(job.path("name"), path + ".name", true);
    JsonNode facets = in.facets(job.path("facets"), path + ".facets");
    JsonNode jobType = facets.path("jobType");
    String processingType = null;
    String type = null;
    String integration = null;
    if (!jobType.isMissingNode()) {
      String at = path + ".facets.jobType";
      processingType = in.text(jobType.path("processingType"), at + ".processingType", true);
      integration = in.text(jobType.path("integration"), at + ".integration", true);
      type = in.text(jobType.path("jobType"), at + ".jobType", false);
    }
    List<Owner> owners =
        OpenLineageFacets.owners(in, facets.path("ownership"), path + ".facets.ownership");
    return new Job(namespace, name, processingType, type, integration, owners, facets);
  }

  private static List<Dataset> datasets(
      EventReader in, JsonNode node, String path, String ioFacets) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      in.problem(path, "must be an array of datasets");
      return List.of();
    }
    if (node.size() > MAX_DATASETS) {
      in.problem(path, "at most " + MAX_DATASETS + " datasets per event");
      return List.of();
    }
    List<Dataset> datasets = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      datasets.add(dataset(in, node.get(i), path + "[" + i + "]", ioFacets));
    }
    return datasets;
  }

  private static Dataset dataset(EventReader in, JsonNode node, String path, String ioFacets) {
    JsonNode dataset = in.object(node, path, true);
    String namespace = in.text(dataset.path("namespace"), path + ".namespace", true);
    String name = in.text(dataset.path("name"), path + ".name", true);
    JsonNode facets = in.facets(dataset.path("facets"), path + ".facets");
    List<Field> fields =
        OpenLineageFacets.fields(in, facets.path("schema"), path + ".facets.schema");
    List<Owner> owners =
        OpenLineageFacets.owners(in, facets.path("ownership"), path + ".facets.ownership");
    List<ColumnLineage> columns =
        ColumnLineageFacet.read(in, facets.path("columnLineage"), path + ".facets.columnLineage");
    String dataProduct = null;
    JsonNode product = facets.path("dataProduct");
    if (!product.isMissingNode()) {
      dataProduct = in.text(product.path("name"), path + ".facets.dataProduct.name", true);
    }
    List<Assertion> assertions = List.of();
    if (ioFacets != null) {
      JsonNode io = in.facets(dataset.path(ioFacets), path + "." + ioFacets);
      assertions =
          OpenLineageFacets.assertions(
              in,
              io.path("dataQualityAssertions"),
              path + "." + ioFacets + ".dataQualityAssertions");
    }
    return new Dataset(namespace, name, fields, owners, dataProduct, columns, assertions, facets);
  }
}
