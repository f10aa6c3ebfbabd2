package io.meshwork.lineage.messaging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.lineage.graph.Node;
import java.time.Instant;
import java.util.List;

/**
 * A data product's lineage as its owner declares it, written as an OpenLineage JobEvent so it goes
 * through the same intake as pipelines' lineage: the job {@code declared:<product>} (type {@code
 * DECLARED_LINEAGE}, kept apart from observed runs) reads the declared sources and writes the
 * product and the storage of its output ports. A later declaration replaces the one before; an
 * empty one (a retired product) ends it.
 */
final class DeclaredProducts {

  static final String PRODUCTS = "meshwork://data-products";
  static final String SOURCES = "meshwork://declared";
  static final String JOBS = "meshwork://catalog";
  private static final String PRODUCER = "https://github.com/meshwork/catalog-service";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private DeclaredProducts() {}

  static ObjectNode declaration(
      String product,
      String owner,
      Instant at,
      List<String> sources,
      List<String> transformations,
      List<Node> ports) {
    ObjectNode event = JSON.objectNode();
    event
        .put("eventTime", at.toString())
        .put("producer", PRODUCER)
        .put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent");
    ObjectNode job =
        event.putObject("job").put("namespace", JOBS).put("name", "declared:" + product);
    ObjectNode facets = job.putObject("facets");
    facets
        .putObject("jobType")
        .put("_producer", PRODUCER)
        .put("_schemaURL", "https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json")
        .put("processingType", "BATCH")
        .put("integration", "MESHWORK")
        .put("jobType", "DECLARED_LINEAGE");
    if (!transformations.isEmpty()) {
      facets
          .putObject("documentation")
          .put("_producer", PRODUCER)
          .put("_schemaURL", "https://openlineage.io/spec/facets/1-0-1/DocumentationJobFacet.json")
          .put("description", "Transformations: " + String.join(", ", transformations));
    }
    ArrayNode inputs = event.putArray("inputs");
    sources.forEach(source -> inputs.addObject().put("namespace", SOURCES).put("name", source));
    ArrayNode outputs = event.putArray("outputs");
    ObjectNode node = outputs.addObject().put("namespace", PRODUCTS).put("name", product);
    ObjectNode nodeFacets = node.putObject("facets");
    nodeFacets.putObject("dataProduct").put("name", product);
    if (owner != null) {
      nodeFacets
          .putObject("ownership")
          .put("_producer", PRODUCER)
          .put("_schemaURL", "https://openlineage.io/spec/facets/1-0-1/OwnershipDatasetFacet.json")
          .putArray("owners")
          .addObject()
          .put("name", owner)
          .put("type", "OWNER");
    }
    for (Node port : ports) {
      outputs.addObject().put("namespace", port.namespace()).put("name", port.name());
    }
    return event;
  }
}
