package io.meshwork.lineage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.lineage.intake.LineageEvent.Assertion;
import io.meshwork.lineage.intake.LineageEvent.ColumnLineage;
import io.meshwork.lineage.intake.LineageEvent.Dataset;
import io.meshwork.lineage.intake.LineageEvent.Field;
import io.meshwork.lineage.intake.LineageEvent.InputField;
import io.meshwork.lineage.intake.LineageEvent.Job;
import io.meshwork.lineage.intake.LineageEvent.Kind;
import io.meshwork.lineage.intake.LineageEvent.Owner;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads an OpenLineage event (spec 2-0-x) from its JSON tree, checking what the spec requires and
 * the facets the graph uses, and naming the JSON path of every problem. Facets it does not know are
 * kept as they are. The kind of event is told by its shape, as the spec's schema does ({@code run}
 * makes a RunEvent, else {@code dataset} a DatasetEvent, else {@code job} a JobEvent), so any
 * {@code schemaURL} version is accepted.
 */
public final class OpenLineageParser {

  static final Set<String> EVENT_TYPES =
      Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");
  private static final int MAX_DATASETS = 5_000;

  private final List<EventViolation> violations = new ArrayList<>();

  private OpenLineageParser() {}

  /** The event, or {@link InvalidEventException} listing everything wrong with it. */
  public static LineageEvent parse(JsonNode event) {
    OpenLineageParser parser = new OpenLineageParser();
    LineageEvent parsed = parser.event(event);
    if (!parser.violations.isEmpty()) {
      throw new InvalidEventException(parser.violations);
    }
    return parsed;
  }

  private LineageEvent event(JsonNode event) {
    if (event == null || !event.isObject()) {
      problem("$", "an event must be a JSON object");
      return null;
    }
    Instant eventTime = time(event.path("eventTime"), "$.eventTime");
    String producer = uri(event.path("producer"), "$.producer");
    uri(event.path("schemaURL"), "$.schemaURL");
    Kind kind;
    if (event.has("run")) {
      kind = Kind.RUN;
    } else if (event.has("dataset")) {
      kind = Kind.DATASET;
    } else if (event.has("job")) {
      kind = Kind.JOB;
    } else {
      problem(
          "$",
          "must be a RunEvent (with run and job), a DatasetEvent (with dataset) or a JobEvent (with job)");
      return null;
    }
    String eventType = null;
    JsonNode type = event.path("eventType");
    if (!type.isMissingNode() && !type.isNull()) {
      if (kind != Kind.RUN) {
        problem("$.eventType", "only a RunEvent has an eventType");
      } else if (!type.isTextual() || !EVENT_TYPES.contains(type.asText())) {
        problem("$.eventType", "must be one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER");
      } else {
        eventType = type.asText();
      }
    }
    UUID runId = null;
    UUID parentRunId = null;
    if (kind == Kind.RUN) {
      JsonNode run = object(event.path("run"), "$.run", true);
      runId = uuid(run.path("runId"), "$.run.runId", true);
      JsonNode facets = facets(run.path("facets"), "$.run.facets");
      JsonNode parent = facets.path("parent");
      if (!parent.isMissingNode()) {
        parentRunId = uuid(parent.path("run").path("runId"), "$.run.facets.parent.run.runId", true);
      }
    }
    Job job = null;
    if (kind != Kind.DATASET) {
      job = job(event.path("job"), "$.job");
    } else if (event.has("job") || event.has("run")) {
      problem("$", "a DatasetEvent has no job or run");
    }
    Dataset dataset =
        kind == Kind.DATASET ? dataset(event.path("dataset"), "$.dataset", null) : null;
    List<Dataset> inputs = datasets(event.path("inputs"), "$.inputs", "inputFacets");
    List<Dataset> outputs = datasets(event.path("outputs"), "$.outputs", "outputFacets");
    if (kind == Kind.DATASET && (!inputs.isEmpty() || !outputs.isEmpty())) {
      problem("$", "a DatasetEvent has no inputs or outputs");
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

  private Job job(JsonNode node, String path) {
    JsonNode job = object(node, path, true);
    String namespace = text(job.path("namespace"), path + ".namespace", true);
    String name = text(job.path("name"), path + ".name", true);
    JsonNode facets = facets(job.path("facets"), path + ".facets");
    JsonNode jobType = facets.path("jobType");
    String processingType = null;
    String type = null;
    String integration = null;
    if (!jobType.isMissingNode()) {
      String at = path + ".facets.jobType";
      processingType = text(jobType.path("processingType"), at + ".processingType", true);
      integration = text(jobType.path("integration"), at + ".integration", true);
      type = text(jobType.path("jobType"), at + ".jobType", false);
    }
    List<Owner> owners = owners(facets.path("ownership"), path + ".facets.ownership");
    return new Job(namespace, name, processingType, type, integration, owners, facets);
  }

  private List<Dataset> datasets(JsonNode node, String path, String ioFacets) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      problem(path, "must be an array of datasets");
      return List.of();
    }
    if (node.size() > MAX_DATASETS) {
      problem(path, "at most " + MAX_DATASETS + " datasets per event");
      return List.of();
    }
    List<Dataset> datasets = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      datasets.add(dataset(node.get(i), path + "[" + i + "]", ioFacets));
    }
    return datasets;
  }

  private Dataset dataset(JsonNode node, String path, String ioFacets) {
    JsonNode dataset = object(node, path, true);
    String namespace = text(dataset.path("namespace"), path + ".namespace", true);
    String name = text(dataset.path("name"), path + ".name", true);
    JsonNode facets = facets(dataset.path("facets"), path + ".facets");
    List<Field> fields = fields(facets.path("schema"), path + ".facets.schema");
    List<Owner> owners = owners(facets.path("ownership"), path + ".facets.ownership");
    List<ColumnLineage> columns =
        columnLineage(facets.path("columnLineage"), path + ".facets.columnLineage");
    String dataProduct = null;
    JsonNode product = facets.path("dataProduct");
    if (!product.isMissingNode()) {
      dataProduct = text(product.path("name"), path + ".facets.dataProduct.name", true);
    }
    List<Assertion> assertions = List.of();
    if (ioFacets != null) {
      JsonNode io = facets(dataset.path(ioFacets), path + "." + ioFacets);
      assertions =
          assertions(
              io.path("dataQualityAssertions"), path + "." + ioFacets + ".dataQualityAssertions");
    }
    return new Dataset(namespace, name, fields, owners, dataProduct, columns, assertions, facets);
  }

  /** The schema facet's fields, nested ones flattened to dotted names; null without the facet. */
  private List<Field> fields(JsonNode facet, String path) {
    if (facet.isMissingNode()) {
      return null;
    }
    List<Field> fields = new ArrayList<>();
    addFields(facet.path("fields"), path + ".fields", "", fields, true);
    return fields;
  }

  private void addFields(
      JsonNode node, String path, String prefix, List<Field> into, boolean required) {
    if (node.isMissingNode() || node.isNull()) {
      if (required) {
        problem(path, "is required");
      }
      return;
    }
    if (!node.isArray()) {
      problem(path, "must be an array of fields");
      return;
    }
    for (int i = 0; i < node.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode field = object(node.get(i), at, true);
      String name = text(field.path("name"), at + ".name", true);
      if (name == null) {
        continue;
      }
      into.add(
          new Field(
              prefix + name,
              text(field.path("type"), at + ".type", false),
              text(field.path("description"), at + ".description", false)));
      addFields(field.path("fields"), at + ".fields", prefix + name + ".", into, false);
    }
  }

  /**
   * The facet's {@code fields}: each output field with the input fields it is made from. Its {@code
   * dataset} entries (facet 1-2-0: inputs that affect the whole dataset, such as filters, joins and
   * groupings, usually INDIRECT) count as inputs of every output field; an input that a field also
   * names by itself keeps both its transformations.
   */
  private List<ColumnLineage> columnLineage(JsonNode facet, String path) {
    if (facet.isMissingNode()) {
      return List.of();
    }
    JsonNode fields = object(facet.path("fields"), path + ".fields", true);
    List<InputField> wholeDataset = List.of();
    JsonNode datasetWide = facet.path("dataset");
    if (!datasetWide.isMissingNode() && !datasetWide.isNull()) {
      if (datasetWide.isArray()) {
        wholeDataset = inputFields(datasetWide, path + ".dataset", null);
      } else {
        problem(path + ".dataset", "must be an array");
      }
    }
    List<ColumnLineage> lineage = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String at = path + ".fields." + entry.getKey();
      JsonNode inputFields = object(entry.getValue(), at, true).path("inputFields");
      if (!inputFields.isArray()) {
        problem(at + ".inputFields", "is required and must be an array");
        continue;
      }
      List<InputField> inputs = inputFields(inputFields, at + ".inputFields", entry.getValue());
      lineage.add(new ColumnLineage(entry.getKey(), withWholeDataset(inputs, wholeDataset)));
    }
    return lineage;
  }

  /**
   * Input fields, each with its transformations as a JSON array: facet 1-2-0's own {@code
   * transformations}; else, from a 1-0-x facet, the output field's {@code transformationType} and
   * {@code transformationDescription} (in {@code legacy}) as one transformation with that subtype
   * and description; else none.
   */
  private List<InputField> inputFields(JsonNode array, String path, JsonNode legacy) {
    List<InputField> inputs = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String in = path + "[" + i + "]";
      JsonNode input = object(array.get(i), in, true);
      String namespace = text(input.path("namespace"), in + ".namespace", true);
      String name = text(input.path("name"), in + ".name", true);
      String field = text(input.path("field"), in + ".field", true);
      JsonNode transformations = input.path("transformations");
      if (!transformations.isMissingNode() && !transformations.isNull()) {
        if (!transformations.isArray()) {
          problem(in + ".transformations", "must be an array");
        } else {
          for (int t = 0; t < transformations.size(); t++) {
            JsonNode kind = transformations.get(t).path("type");
            if (!kind.isTextual() || !Set.of("DIRECT", "INDIRECT").contains(kind.asText())) {
              problem(in + ".transformations[" + t + "].type", "must be DIRECT or INDIRECT");
            }
          }
        }
      }
      if (namespace != null && name != null && field != null) {
        inputs.add(
            new InputField(
                namespace,
                name,
                field,
                transformations.isArray() ? transformations : legacyTransformations(legacy)));
      }
    }
    return inputs;
  }

  private static ArrayNode legacyTransformations(JsonNode field) {
    ArrayNode transformations = JsonNodeFactory.instance.arrayNode();
    if (field == null) {
      return transformations;
    }
    JsonNode type = field.path("transformationType");
    JsonNode description = field.path("transformationDescription");
    if (type.isTextual() || description.isTextual()) {
      ObjectNode transformation = transformations.addObject();
      if (type.isTextual()) {
        transformation.put("subtype", type.asText());
      }
      if (description.isTextual()) {
        transformation.put("description", description.asText());
      }
    }
    return transformations;
  }

  private static List<InputField> withWholeDataset(
      List<InputField> inputs, List<InputField> wholeDataset) {
    if (wholeDataset.isEmpty()) {
      return inputs;
    }
    List<InputField> all = new ArrayList<>(inputs);
    for (InputField wide : wholeDataset) {
      int same = -1;
      for (int i = 0; i < all.size() && same < 0; i++) {
        InputField own = all.get(i);
        if (own.namespace().equals(wide.namespace())
            && own.name().equals(wide.name())
            && own.field().equals(wide.field())) {
          same = i;
        }
      }
      if (same < 0) {
        all.add(wide);
      } else {
        InputField own = all.get(same);
        ArrayNode both = JsonNodeFactory.instance.arrayNode();
        both.addAll((ArrayNode) own.transformations());
        both.addAll((ArrayNode) wide.transformations());
        all.set(same, new InputField(own.namespace(), own.name(), own.field(), both));
      }
    }
    return all;
  }

  private List<Owner> owners(JsonNode facet, String path) {
    if (facet.isMissingNode()) {
      return List.of();
    }
    JsonNode owners = facet.path("owners");
    if (!owners.isArray()) {
      problem(path + ".owners", "is required and must be an array");
      return List.of();
    }
    List<Owner> list = new ArrayList<>();
    for (int i = 0; i < owners.size(); i++) {
      String at = path + ".owners[" + i + "]";
      JsonNode owner = object(owners.get(i), at, true);
      String name = text(owner.path("name"), at + ".name", true);
      if (name != null) {
        list.add(new Owner(name, text(owner.path("type"), at + ".type", false)));
      }
    }
    return list;
  }

  private List<Assertion> assertions(JsonNode facet, String path) {
    if (facet.isMissingNode()) {
      return List.of();
    }
    JsonNode assertions = facet.path("assertions");
    if (!assertions.isArray()) {
      problem(path + ".assertions", "is required and must be an array");
      return List.of();
    }
    List<Assertion> list = new ArrayList<>();
    for (int i = 0; i < assertions.size(); i++) {
      String at = path + ".assertions[" + i + "]";
      JsonNode assertion = object(assertions.get(i), at, true);
      String name = text(assertion.path("assertion"), at + ".assertion", true);
      JsonNode success = assertion.path("success");
      if (!success.isBoolean()) {
        problem(at + ".success", "is required and must be true or false");
      }
      if (name != null && success.isBoolean()) {
        list.add(
            new Assertion(
                name, success.asBoolean(), text(assertion.path("column"), at + ".column", false)));
      }
    }
    return list;
  }

  /** A facet map: an object whose values are objects (null values count as absent). */
  private JsonNode facets(JsonNode node, String path) {
    if (node.isMissingNode() || node.isNull()) {
      return MissingNode.getInstance();
    }
    if (!node.isObject()) {
      problem(path, "must be an object of facets");
      return MissingNode.getInstance();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> facet = it.next();
      if (!facet.getValue().isObject() && !facet.getValue().isNull()) {
        problem(path + "." + facet.getKey(), "a facet must be an object");
      }
    }
    return node;
  }

  private JsonNode object(JsonNode node, String path, boolean required) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      if (required) {
        problem(path, "is required");
      }
      return MissingNode.getInstance();
    }
    if (!node.isObject()) {
      problem(path, "must be an object");
      return MissingNode.getInstance();
    }
    return node;
  }

  private String text(JsonNode node, String path, boolean required) {
    if (node.isMissingNode() || node.isNull()) {
      if (required) {
        problem(path, "is required");
      }
      return null;
    }
    if (!node.isTextual()) {
      problem(path, "must be a string");
      return null;
    }
    if (required && node.asText().isBlank()) {
      problem(path, "must not be blank");
      return null;
    }
    return node.asText();
  }

  private String uri(JsonNode node, String path) {
    String value = text(node, path, true);
    if (value != null) {
      try {
        new URI(value);
      } catch (URISyntaxException e) {
        problem(path, "must be a URI");
        return null;
      }
    }
    return value;
  }

  private Instant time(JsonNode node, String path) {
    String value = text(node, path, true);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      problem(path, "must be an ISO-8601 date-time with an offset, like 2024-06-15T12:00:00Z");
      return null;
    }
  }

  private UUID uuid(JsonNode node, String path, boolean required) {
    String value = text(node, path, required);
    if (value == null) {
      return null;
    }
    try {
      UUID uuid = UUID.fromString(value);
      if (!uuid.toString().equalsIgnoreCase(value)) {
        throw new IllegalArgumentException(value);
      }
      return uuid;
    } catch (IllegalArgumentException e) {
      problem(path, "must be a UUID");
      return null;
    }
  }

  private void problem(String path, String message) {
    violations.add(new EventViolation(path, message));
  }
}
