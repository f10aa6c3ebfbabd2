package io.meshwork.provisioning.dataset;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DatasetRepository implements PanacheRepositoryBase<Dataset, UUID> {

  /** The dataset that currently holds this name (not DELETED). */
  public Optional<Dataset> findLive(String domain, String name) {
    return find("domain = ?1 and name = ?2 and state <> ?3", domain, name, DatasetState.DELETED)
        .firstResultOptional();
  }

  public Optional<Dataset> findLatestDeleted(String domain, String name) {
    return find(
            "domain = ?1 and name = ?2 and state = ?3",
            Sort.descending("deletedAt"),
            domain,
            name,
            DatasetState.DELETED)
        .firstResultOptional();
  }

  public List<Dataset> list(Optional<String> domain, Optional<DatasetState> state, Page page) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters parameters = new Parameters();
    domain.ifPresent(
        d -> {
          query.append(" and domain = :domain");
          parameters.and("domain", d);
        });
    state.ifPresent(
        s -> {
          query.append(" and state = :state");
          parameters.and("state", s);
        });
    return find(query.toString(), Sort.by("domain").and("name").and("createdAt"), parameters)
        .page(page)
        .list();
  }
}
