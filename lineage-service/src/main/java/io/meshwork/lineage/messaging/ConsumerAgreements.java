package io.meshwork.lineage.messaging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.events.contracts.AccessRequestChanged;
import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.query.AgreementNodes;
import java.util.List;

/**
 * A signed access agreement as lineage, written as an OpenLineage JobEvent like a product's
 * declaration: the job {@code agreement:<access request>} (type {@code ACCESS_AGREEMENT}) reads the
 * product and the storage of the ports it was granted and writes the consumer, so the consumer is
 * downstream of both and {@code impact} names the agreement. When the agreement ends the job reads
 * nothing any more.
 */
final class ConsumerAgreements {

  private static final String PRODUCER = "https://github.com/meshwork/contract-registry";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ConsumerAgreements() {}

  static ObjectNode declaration(AccessRequestChanged agreement, boolean active, List<Node> ports) {
    ObjectNode event = JSON.objectNode();
    event
        .put("eventTime", agreement.at().toString())
        .put("producer", PRODUCER)
        .put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent");
    ObjectNode job =
        event
            .putObject("job")
            .put("namespace", AgreementNodes.JOBS)
            .put("name", AgreementNodes.PREFIX + agreement.requestId());
    ObjectNode facets = job.putObject("facets");
    facets
        .putObject("jobType")
        .put("_producer", PRODUCER)
        .put("_schemaURL", "https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json")
        .put("processingType", "BATCH")
        .put("integration", "MESHWORK")
        .put("jobType", AgreementNodes.JOB_TYPE);
    facets
        .putObject("documentation")
        .put("_producer", PRODUCER)
        .put("_schemaURL", "https://openlineage.io/spec/facets/1-0-1/DocumentationJobFacet.json")
        .put("description", describe(agreement));
    ArrayNode inputs = event.putArray("inputs");
    if (active) {
      inputs
          .addObject()
          .put("namespace", DeclaredProducts.PRODUCTS)
          .put("name", agreement.product());
      ports.forEach(p -> inputs.addObject().put("namespace", p.namespace()).put("name", p.name()));
    }
    ObjectNode consumer =
        event
            .putArray("outputs")
            .addObject()
            .put("namespace", AgreementNodes.CONSUMERS)
            .put("name", AgreementNodes.consumer(agreement.consumerDomain()));
    consumer
        .putObject("facets")
        .putObject("ownership")
        .put("_producer", PRODUCER)
        .put("_schemaURL", "https://openlineage.io/spec/facets/1-0-1/OwnershipDatasetFacet.json")
        .putArray("owners")
        .addObject()
        .put("name", agreement.consumer())
        .put("type", "CONSUMER");
    return event;
  }

  private static String describe(AccessRequestChanged agreement) {
    String contract =
        agreement.contractId() == null
            ? "no contract"
            : "contract " + agreement.contractId() + " " + agreement.contractVersion();
    String fields =
        agreement.fields() == null || agreement.fields().isEmpty()
            ? "all fields"
            : String.join(", ", agreement.fields());
    return agreement.consumer()
        + " ("
        + agreement.consumerDomain()
        + ") reads "
        + agreement.product()
        + " under "
        + contract
        + ": "
        + fields;
  }
}
