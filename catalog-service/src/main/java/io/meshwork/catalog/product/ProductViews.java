package io.meshwork.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.catalog.dataset.Dataset;
import io.meshwork.catalog.dataset.DatasetRepository;
import io.meshwork.catalog.health.ProductHealthService;
import io.meshwork.catalog.product.spec.SpecDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the API's view of a product: its fields, its current spec, its output ports' state and
 * health.
 */
@ApplicationScoped
public class ProductViews {

  private final DatasetRepository datasets;
  private final SpecDocuments documents;
  private final ObjectMapper mapper;
  private final ProductHealthService health;

  public ProductViews(
      DatasetRepository datasets,
      SpecDocuments documents,
      ObjectMapper mapper,
      ProductHealthService health) {
    this.datasets = datasets;
    this.documents = documents;
    this.mapper = mapper;
    this.health = health;
  }

  public ProductResponse of(DataProduct product, Boolean changed) {
    JsonNode spec =
        DataProductVersion.<DataProductVersion>findByIdOptional(
                new DataProductVersion.Key(product.name, product.currentVersion))
            .map(version -> version.spec)
            .orElse(null);
    List<String> names = spec == null ? List.of() : documents.spec(spec).outputPorts();
    List<ProductResponse.OutputPort> ports = new ArrayList<>();
    for (String port : names) {
      ports.add(port(port));
    }
    return new ProductResponse(
        product.name,
        product.domain,
        product.owner,
        product.status,
        product.currentVersion,
        product.publishedVersion,
        product.description,
        product.tags,
        new ProductResponse.ServiceLevels(product.freshness, product.availability, product.latency),
        ports,
        health.of(product.name, names),
        product.sunsetAt == null
            ? null
            : new ProductResponse.Deprecation(
                product.sunsetAt, product.successor, product.deprecationReason),
        product.status.next(),
        product.reviewRound,
        spec,
        product.createdAt,
        product.updatedAt,
        changed);
  }

  private ProductResponse.OutputPort port(String port) {
    String[] parts = port.split("/", 2);
    Optional<Dataset> dataset = datasets.findByDomainAndName(parts[0], parts[1]);
    if (dataset.isEmpty()) {
      return new ProductResponse.OutputPort(port, "MISSING", null, null, null);
    }
    Dataset found = dataset.get();
    return new ProductResponse.OutputPort(
        port, found.state, json(found.resources), found.lastError, found.provisionedAt);
  }

  private JsonNode json(String text) {
    try {
      return text == null ? null : mapper.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("Stored JSON is unreadable", e);
    }
  }
}
