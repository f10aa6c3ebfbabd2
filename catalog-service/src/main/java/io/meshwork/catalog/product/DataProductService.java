package io.meshwork.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.catalog.domain.DataDomain;
import io.meshwork.catalog.product.spec.ProductSpec;
import io.meshwork.catalog.product.spec.SpecDiff;
import io.meshwork.catalog.product.spec.SpecDocuments;
import io.meshwork.catalog.product.spec.SpecValidator;
import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.catalog.DataProductVersionCreated;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.Problem.Violation;
import io.meshwork.web.security.Caller;
import io.meshwork.web.values.SemanticVersion;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Declarative upsert of a product's spec: the document is the truth, as in GitOps. The same content
 * again changes nothing; new content is a new, immutable version, whose number must rise, by a
 * major step when the change breaks consumers.
 */
@ApplicationScoped
public class DataProductService {

  private final SpecDocuments documents;
  private final Outbox outbox;

  public DataProductService(SpecDocuments documents, Outbox outbox) {
    this.documents = documents;
    this.outbox = outbox;
  }

  /** The outcome of a put: the product, whether it is new, and whether its spec changed. */
  public record Upserted(DataProduct product, boolean created, boolean changed) {}

  @Transactional
  public Upserted put(String name, String body, boolean yaml, Caller caller) {
    Optional<DataProduct> existing =
        DataProduct.<DataProduct>findByIdOptional(name, LockModeType.PESSIMISTIC_WRITE);
    existing.ifPresent(product -> caller.requireMayChange(product.domain));
    JsonNode document = documents.read(body, yaml);
    List<Violation> violations = new ArrayList<>(SpecValidator.validate(document, name));
    String domain = document.path("product").path("domain").asText("");
    if (SpecValidator.DOMAIN.matcher(domain).matches()) {
      // Who may write is settled before what is wrong with the document is told.
      caller.requireMayChange(domain);
    }
    if (violations.stream().noneMatch(v -> v.field().startsWith("product.domain"))) {
      if (DataDomain.findById(domain) == null) {
        violations.add(
            new Violation(
                "product.domain", "no data domain '" + domain + "' (a platform-admin creates it)"));
      } else if (existing.isPresent() && !existing.get().domain.equals(domain)) {
        violations.add(
            new Violation(
                "product.domain",
                "is '" + existing.get().domain + "'; a product does not move between domains"));
      }
    }
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    ProductSpec spec = documents.bind(document);
    JsonNode canonical = documents.canonical(spec);
    String hash = documents.hash(canonical);
    if (existing.isEmpty()) {
      DataProduct product = newProduct(spec);
      product.persist();
      addVersion(product, spec, canonical, hash, body, yaml, null, caller);
      return new Upserted(product, true, true);
    }
    DataProduct product = existing.get();
    DataProductVersion current = version(name, product.currentVersion);
    if (current.contentHash.equals(hash)) {
      return new Upserted(product, false, false);
    }
    if (!product.status.acceptsNewVersion()) {
      throw new ConflictException(
          "catalog.data-product.frozen",
          "Data product '"
              + name
              + "' is "
              + product.status
              + ": its spec cannot change now"
              + (product.status == ProductStatus.SUBMITTED
                  ? " (it is under governance review)"
                  : ""));
    }
    checkVersionRule(product.currentVersion, documents.spec(current.spec), spec);
    String previous = product.currentVersion;
    copySearchable(product, spec);
    if (product.status == ProductStatus.PUBLISHED) {
      // The published version stays discoverable while the new one goes through review.
      product.status = ProductStatus.DRAFT;
    }
    addVersion(product, spec, canonical, hash, body, yaml, previous, caller);
    return new Upserted(product, false, true);
  }

  /** A version must rise, and by a major step when the change breaks consumers. */
  private static void checkVersionRule(String currentText, ProductSpec current, ProductSpec next) {
    SemanticVersion was = SemanticVersion.parse(currentText);
    SemanticVersion now = SemanticVersion.parse(next.product().version());
    if (now.compareTo(was) <= 0) {
      throw invalid(
          List.of(
              new Violation(
                  "product.version",
                  "must be above the current version "
                      + currentText
                      + " when the spec changes, got "
                      + now)));
    }
    SpecDiff diff = SpecDiff.between(current, next);
    if (diff.hasBreakingChanges() && now.major() == was.major()) {
      throw invalid(
          diff.breaking().stream()
              .map(
                  change ->
                      new Violation(
                          "product.version",
                          change
                              + ": needs a new major version ("
                              + (was.major() + 1)
                              + ".0.0), got "
                              + now))
              .toList());
    }
  }

  private static InvalidRequestException invalid(List<Violation> violations) {
    return new InvalidRequestException(
        "catalog.data-product.invalid",
        violations.size() == 1
            ? violations.get(0).field() + ": " + violations.get(0).message()
            : violations.size() + " problems in the data product",
        violations);
  }

  private DataProduct newProduct(ProductSpec spec) {
    DataProduct product = new DataProduct();
    product.name = spec.product().name();
    product.domain = spec.product().domain();
    product.status = ProductStatus.DRAFT;
    product.createdAt = now();
    copySearchable(product, spec);
    return product;
  }

  private static void copySearchable(DataProduct product, ProductSpec spec) {
    product.owner = spec.product().owner();
    product.currentVersion = spec.product().version();
    product.description = spec.product().description();
    product.tags = List.copyOf(spec.product().tags());
    product.columns = spec.schema().stream().map(ProductSpec.Field::name).toList();
    ProductSpec.Service service = spec.service();
    product.freshness = service == null ? null : service.freshness();
    product.availability = service == null ? null : service.availability();
    product.latency = service == null ? null : service.latency();
    product.updatedAt = now();
  }

  private void addVersion(
      DataProduct product,
      ProductSpec spec,
      JsonNode canonical,
      String hash,
      String body,
      boolean yaml,
      String previous,
      Caller caller) {
    DataProductVersion version = new DataProductVersion();
    version.key = new DataProductVersion.Key(product.name, spec.product().version());
    version.spec = canonical;
    version.source = body;
    version.sourceType = yaml ? "yaml" : "json";
    version.contentHash = hash;
    version.createdBy = caller.name();
    version.createdAt = now();
    version.persist();
    outbox.publish(
        CatalogEvents.VERSION_CREATED,
        product.name,
        product.domain + "/" + product.name,
        new DataProductVersionCreated(
            product.name,
            product.domain,
            product.owner,
            version.version(),
            previous,
            canonical,
            caller.name(),
            version.createdAt));
  }

  public DataProduct get(String name) {
    return DataProduct.<DataProduct>findByIdOptional(name)
        .orElseThrow(() -> new DataProductNotFoundException(name));
  }

  public DataProductVersion version(String name, String version) {
    DataProductVersion found =
        DataProductVersion.findById(new DataProductVersion.Key(name, version));
    if (found == null) {
      throw new DataProductNotFoundException(name, version);
    }
    return found;
  }

  /** Products by name, of one domain and status when given. */
  public List<DataProduct> list(String domain, ProductStatus status, Page page) {
    Parameters parameters = new Parameters();
    List<String> where = new ArrayList<>();
    if (domain != null) {
      where.add("domain = :domain");
      parameters = parameters.and("domain", domain);
    }
    if (status != null) {
      where.add("status = :status");
      parameters = parameters.and("status", status);
    }
    return (where.isEmpty()
            ? DataProduct.<DataProduct>findAll(Sort.by("name"))
            : DataProduct.<DataProduct>find(
                String.join(" and ", where), Sort.by("name"), parameters))
        .page(page)
        .list();
  }

  public List<DataProductVersion> versions(String name) {
    get(name);
    return DataProductVersion.<DataProductVersion>list("key.product", name).stream()
        .sorted(
            (a, b) ->
                SemanticVersion.parse(a.version()).compareTo(SemanticVersion.parse(b.version())))
        .toList();
  }

  public SpecDiff diff(String name, String from, String to) {
    return SpecDiff.between(
        documents.spec(version(name, from).spec), documents.spec(version(name, to).spec));
  }

  /** Microsecond precision: what PostgreSQL keeps, so a read-back equals what was written. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
