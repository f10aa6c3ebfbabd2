package io.meshwork.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** OpenLineage events (spec 2-0-2) as a pipeline would send them, built for tests. */
public final class OpenLineageEvents {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String PRODUCER = "https://github.com/meshwork/tests";
  private static final String SCHEMA =
      "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

  private OpenLineageEvents() {}

  public static ObjectNode run(String type, UUID runId, String time, String namespace, String job) {
    ObjectNode event = JSON.createObjectNode();
    event
        .put("eventType", type)
        .put("eventTime", time)
        .put("producer", PRODUCER)
        .put("schemaURL", SCHEMA);
    event.putObject("run").put("runId", runId.toString());
    event.putObject("job").put("namespace", namespace).put("name", job);
    event.putArray("inputs");
    event.putArray("outputs");
    return event;
  }

  /** A run event of a job that reads {@code inputs} and writes {@code outputs} in one namespace. */
  public static ObjectNode run(
      String type, String time, String namespace, String job, String[] inputs, String[] outputs) {
    ObjectNode event = run(type, UUID.randomUUID(), time, namespace, job);
    for (String input : inputs) {
      input(event, dataset(namespace, input));
    }
    for (String output : outputs) {
      output(event, dataset(namespace, output));
    }
    return event;
  }

  public static ObjectNode dataset(String namespace, String name) {
    ObjectNode dataset = JSON.createObjectNode();
    dataset.put("namespace", namespace).put("name", name);
    dataset.putObject("facets");
    return dataset;
  }

  public static ObjectNode input(ObjectNode event, ObjectNode dataset) {
    ((ArrayNode) event.get("inputs")).add(dataset);
    return event;
  }

  public static ObjectNode output(ObjectNode event, ObjectNode dataset) {
    ((ArrayNode) event.get("outputs")).add(dataset);
    return event;
  }

  public static ObjectNode jobType(ObjectNode event, String processingType) {
    ((ObjectNode) event.get("job"))
        .putObject("facets")
        .putObject("jobType")
        .put("_producer", PRODUCER)
        .put("_schemaURL", "https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json")
        .put("processingType", processingType)
        .put("integration", "SPARK")
        .put("jobType", "JOB");
    return event;
  }

  public static ObjectNode owner(ObjectNode dataset, String owner) {
    ((ObjectNode) dataset.get("facets"))
        .putObject("ownership")
        .put("_producer", PRODUCER)
        .put("_schemaURL", "https://openlineage.io/spec/facets/1-0-1/OwnershipDatasetFacet.json")
        .putArray("owners")
        .addObject()
        .put("name", owner)
        .put("type", "MAINTAINER");
    return dataset;
  }

  public static ObjectNode dataProduct(ObjectNode dataset, String product) {
    ((ObjectNode) dataset.get("facets")).putObject("dataProduct").put("name", product);
    return dataset;
  }

  /** columnLineage: {@code field} of the dataset is made from {@code inputField} of the input. */
  public static ObjectNode columnLineage(
      ObjectNode dataset, String field, String inputNamespace, String input, String inputField) {
    ObjectNode facets = (ObjectNode) dataset.get("facets");
    ObjectNode lineage = (ObjectNode) facets.get("columnLineage");
    if (lineage == null) {
      lineage = facets.putObject("columnLineage");
      lineage
          .put("_producer", PRODUCER)
          .put(
              "_schemaURL",
              "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json");
      lineage.putObject("fields");
    }
    ObjectNode fields = (ObjectNode) lineage.get("fields");
    ObjectNode target =
        fields.has(field) ? (ObjectNode) fields.get(field) : fields.putObject(field);
    ArrayNode inputs =
        target.has("inputFields")
            ? (ArrayNode) target.get("inputFields")
            : target.putArray("inputFields");
    ObjectNode in =
        inputs
            .addObject()
            .put("namespace", inputNamespace)
            .put("name", input)
            .put("field", inputField);
    in.putArray("transformations").addObject().put("type", "DIRECT").put("subtype", "IDENTITY");
    return dataset;
  }
}
