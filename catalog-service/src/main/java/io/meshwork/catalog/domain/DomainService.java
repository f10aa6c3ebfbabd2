package io.meshwork.catalog.domain;

import io.meshwork.catalog.product.DataProduct;
import io.meshwork.catalog.product.ProductStatus;
import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.catalog.DomainCreated;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.values.DurationText;
import io.meshwork.web.values.Percent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Data domains: made by platform admins, listed with their products as the ownership matrix. */
@ApplicationScoped
public class DomainService {

  private final Outbox outbox;

  public DomainService(Outbox outbox) {
    this.outbox = outbox;
  }

  @Transactional
  public DomainResponse create(DomainResource.CreateDomainRequest request, Caller caller) {
    if (DataDomain.findById(request.name()) != null) {
      throw new ConflictException(
          "catalog.domain.exists", "Data domain '" + request.name() + "' exists already");
    }
    DataDomain domain = new DataDomain();
    domain.name = request.name();
    domain.ownerTeam = request.ownerTeam().strip();
    domain.description = request.description();
    domain.createdBy = caller.name();
    domain.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    domain.persist();
    outbox.publish(
        CatalogEvents.DOMAIN_CREATED,
        domain.name,
        domain.name,
        new DomainCreated(domain.name, domain.ownerTeam, domain.createdBy, domain.createdAt));
    return response(domain, List.of());
  }

  @Transactional
  public List<DomainResponse> matrix() {
    Map<String, List<DataProduct>> byDomain =
        DataProduct.<DataProduct>listAll().stream()
            .collect(Collectors.groupingBy(product -> product.domain));
    return DataDomain.<DataDomain>listAll().stream()
        .sorted(Comparator.comparing(domain -> domain.name))
        .map(domain -> response(domain, byDomain.getOrDefault(domain.name, List.of())))
        .toList();
  }

  @Transactional
  public DomainResponse one(String name) {
    DataDomain domain =
        DataDomain.<DataDomain>findByIdOptional(name)
            .orElseThrow(() -> new DomainNotFoundException(name));
    return response(domain, DataProduct.list("domain", name));
  }

  private static DomainResponse response(DataDomain domain, List<DataProduct> products) {
    List<DataProduct> sorted =
        products.stream().sorted(Comparator.comparing(product -> product.name)).toList();
    return new DomainResponse(
        domain.name,
        domain.ownerTeam,
        domain.description,
        sorted.stream()
            .map(
                p ->
                    new DomainResponse.ProductEntry(
                        p.name, p.status.name(), p.currentVersion, p.publishedVersion))
            .toList(),
        sla(sorted),
        domain.createdAt);
  }

  /** The weakest promise of the domain's live products: lowest availability, longest bounds. */
  static DomainResponse.SlaSummary sla(List<DataProduct> products) {
    String availability = null;
    BigDecimal lowest = null;
    String freshness = null;
    Duration stalest = null;
    String latency = null;
    Duration slowest = null;
    for (DataProduct product : products) {
      if (product.status == ProductStatus.RETIRED) {
        continue;
      }
      BigDecimal percent = Percent.tryParse(product.availability).orElse(null);
      if (percent != null && (lowest == null || percent.compareTo(lowest) < 0)) {
        lowest = percent;
        availability = product.availability;
      }
      Duration age = DurationText.tryParse(product.freshness).orElse(null);
      if (age != null && (stalest == null || age.compareTo(stalest) > 0)) {
        stalest = age;
        freshness = product.freshness;
      }
      Duration time = DurationText.tryParse(product.latency).orElse(null);
      if (time != null && (slowest == null || time.compareTo(slowest) > 0)) {
        slowest = time;
        latency = product.latency;
      }
    }
    List<String> parts = new ArrayList<>();
    if (availability != null) {
      parts.add(availability + " availability");
    }
    if (latency != null) {
      parts.add("<" + latency + " latency");
    }
    if (freshness != null) {
      parts.add("data under " + freshness + " old");
    }
    return new DomainResponse.SlaSummary(
        availability, freshness, latency, parts.isEmpty() ? null : String.join(", ", parts));
  }
}
