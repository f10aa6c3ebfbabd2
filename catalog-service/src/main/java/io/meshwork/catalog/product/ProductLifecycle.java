package io.meshwork.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.catalog.dataset.Dataset;
import io.meshwork.catalog.dataset.DatasetRepository;
import io.meshwork.catalog.product.spec.ProductSpec;
import io.meshwork.catalog.product.spec.SpecDocuments;
import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.catalog.DataProductDeprecated;
import io.meshwork.events.catalog.DataProductPublished;
import io.meshwork.events.catalog.DataProductRetired;
import io.meshwork.events.catalog.DataProductSubmitted;
import io.meshwork.events.governance.ReviewDecided;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Moves products through their lifecycle. Owners submit, publish, deprecate and retire; approval
 * and change requests arrive only as governance's decisions ({@link #decided}), so no API skips
 * governance. Every step is recorded with who took it and is announced as an event.
 */
@ApplicationScoped
public class ProductLifecycle {

  private static final Logger LOG = Logger.getLogger(ProductLifecycle.class);

  private final SpecDocuments documents;
  private final DatasetRepository datasets;
  private final Outbox outbox;
  private final ObjectMapper mapper;

  public ProductLifecycle(
      SpecDocuments documents, DatasetRepository datasets, Outbox outbox, ObjectMapper mapper) {
    this.documents = documents;
    this.datasets = datasets;
    this.outbox = outbox;
    this.mapper = mapper;
  }

  @Transactional
  public DataProduct submit(String name, Caller caller) {
    DataProduct product = lockForOwner(name, caller);
    move(product, ProductStatus.SUBMITTED, caller.name(), null, null);
    product.reviewRound++;
    outbox.publish(
        CatalogEvents.SUBMITTED,
        product.name,
        subject(product),
        new DataProductSubmitted(
            product.name,
            product.domain,
            product.owner,
            product.currentVersion,
            product.reviewRound,
            currentSpec(product),
            caller.name(),
            product.updatedAt));
    return product;
  }

  /** Publishes an approved version once every output port's storage is READY. */
  @Transactional
  public DataProduct publish(String name, Caller caller) {
    DataProduct product = lockForOwner(name, caller);
    requireNext(product, ProductStatus.PUBLISHED);
    ProductSpec spec = documents.spec(currentSpec(product));
    List<String> notReady = spec.outputPorts().stream().filter(port -> !ready(port)).toList();
    if (!notReady.isEmpty()) {
      throw new ConflictException(
          "catalog.data-product.ports-not-ready",
          "Output ports are not READY yet: " + String.join(", ", notReady));
    }
    move(product, ProductStatus.PUBLISHED, caller.name(), null, null);
    product.publishedVersion = product.currentVersion;
    outbox.publish(
        CatalogEvents.PUBLISHED,
        product.name,
        subject(product),
        new DataProductPublished(
            product.name,
            product.domain,
            product.owner,
            product.publishedVersion,
            spec.lineage().sources(),
            spec.lineage().transformations(),
            spec.outputPorts(),
            documents.canonical(spec),
            caller.name(),
            product.updatedAt));
    return product;
  }

  /** Deprecation names the day consumers must be off it, and what replaces it if anything. */
  @Transactional
  public DataProduct deprecate(
      String name, LocalDate sunsetAt, String successor, String reason, Caller caller) {
    DataProduct product = lockForOwner(name, caller);
    requireNext(product, ProductStatus.DEPRECATED);
    if (sunsetAt == null || !sunsetAt.isAfter(LocalDate.now(ZoneOffset.UTC))) {
      throw InvalidRequestException.ofField(
          "catalog.data-product.invalid-deprecation", "sunsetAt", "must be a date in the future");
    }
    if (successor != null && (successor.equals(name) || DataProduct.findById(successor) == null)) {
      throw InvalidRequestException.ofField(
          "catalog.data-product.invalid-deprecation",
          "successor",
          "must be another data product of the catalog, got '" + successor + "'");
    }
    move(product, ProductStatus.DEPRECATED, caller.name(), reason, null);
    product.sunsetAt = sunsetAt;
    product.successor = successor;
    product.deprecationReason = reason;
    outbox.publish(
        CatalogEvents.DEPRECATED,
        product.name,
        subject(product),
        new DataProductDeprecated(
            product.name,
            product.domain,
            product.publishedVersion,
            sunsetAt,
            successor,
            reason,
            caller.name(),
            product.updatedAt));
    return product;
  }

  @Transactional
  public DataProduct retire(String name, Caller caller) {
    DataProduct product = lockForOwner(name, caller);
    move(product, ProductStatus.RETIRED, caller.name(), null, null);
    outbox.publish(
        CatalogEvents.RETIRED,
        product.name,
        subject(product),
        new DataProductRetired(
            product.name,
            product.domain,
            product.publishedVersion,
            caller.name(),
            product.updatedAt));
    return product;
  }

  /**
   * Applies governance's decision to the product's lifecycle, if it is about the round under
   * review; a decision for an older round or another version changes nothing.
   */
  @Transactional
  public void decided(ReviewDecided decision) {
    DataProduct product =
        DataProduct.<DataProduct>findByIdOptional(
                decision.product(), LockModeType.PESSIMISTIC_WRITE)
            .orElse(null);
    if (product == null
        || product.status != ProductStatus.SUBMITTED
        || !product.currentVersion.equals(decision.version())
        || decision.round() != product.reviewRound) {
      LOG.infof(
          "Decision %s on %s %s round %d does not apply (product is %s)",
          decision.reviewId(),
          decision.product(),
          decision.version(),
          decision.round(),
          product == null ? "unknown" : product.status + " round " + product.reviewRound);
      return;
    }
    ProductStatus to =
        ReviewDecided.APPROVED.equals(decision.decision())
            ? ProductStatus.APPROVED
            : ProductStatus.CHANGES_REQUESTED;
    move(product, to, decision.decidedBy(), decision.comment(), mapper.valueToTree(decision));
  }

  private DataProduct lockForOwner(String name, Caller caller) {
    DataProduct product =
        DataProduct.<DataProduct>findByIdOptional(name, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> new DataProductNotFoundException(name));
    caller.requireMayChange(product.domain);
    return product;
  }

  private static void requireNext(DataProduct product, ProductStatus to) {
    Set<ProductStatus> next = product.status.next();
    if (!next.contains(to)) {
      throw new ConflictException(
          "catalog.data-product.illegal-transition",
          "Data product '"
              + product.name
              + "' is "
              + product.status
              + "; it cannot become "
              + to
              + ". Allowed next: "
              + (next.isEmpty() ? "none" : next)
              + (next.stream().anyMatch(ProductStatus.DECIDED_BY_GOVERNANCE::contains)
                  ? " (APPROVED and CHANGES_REQUESTED come only from governance's review)"
                  : ""));
    }
  }

  private void move(
      DataProduct product, ProductStatus to, String actor, String reason, JsonNode details) {
    requireNext(product, to);
    ProductTransition step = new ProductTransition();
    step.product = product.name;
    step.version = product.currentVersion;
    step.fromStatus = product.status;
    step.toStatus = to;
    step.actor = actor;
    step.reason = reason;
    step.details = details == null ? mapper.createObjectNode() : details;
    step.at = DataProductService.now();
    step.persist();
    product.status = to;
    product.updatedAt = step.at;
  }

  private boolean ready(String port) {
    String[] parts = port.split("/", 2);
    return datasets
        .findByDomainAndName(parts[0], parts[1])
        .map((Dataset dataset) -> "READY".equals(dataset.state))
        .orElse(false);
  }

  private static JsonNode currentSpec(DataProduct product) {
    DataProductVersion version =
        DataProductVersion.findById(
            new DataProductVersion.Key(product.name, product.currentVersion));
    return version.spec;
  }

  private static String subject(DataProduct product) {
    return product.domain + "/" + product.name;
  }
}
