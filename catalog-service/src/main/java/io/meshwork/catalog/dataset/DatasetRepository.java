package io.meshwork.catalog.dataset;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DatasetRepository implements PanacheRepositoryBase<Dataset, UUID> {

  /** The current dataset of that name: a live one before the most recently deleted one. */
  public Optional<Dataset> findByDomainAndName(String domain, String name) {
    return find(
            "domain = ?1 and name = ?2 order by case when state = 'DELETED' then 1 else 0 end, requestedAt desc",
            domain,
            name)
        .firstResultOptional();
  }

  public List<Dataset> list(Optional<String> domain, Page page) {
    Sort order = Sort.by("domain").and("name");
    return domain
        .map(d -> find("domain", order, d))
        .orElseGet(() -> findAll(order))
        .page(page)
        .list();
  }
}
