package io.meshwork.catalog.health;

import io.meshwork.events.MalformedEventException;
import io.meshwork.events.contracts.QualityRunCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Keeps the latest quality run of each (product, dataset) and shows it as the product's health. A
 * run that finished before the one kept arrived late and changes nothing.
 */
@ApplicationScoped
public class ProductHealthService {

  private static final Logger LOG = Logger.getLogger(ProductHealthService.class);
  private static final Set<String> OUTCOMES = Set.of("passed", "warning", "failed");

  /** Products whose current or published version declares the dataset as an output port. */
  private static final String PRODUCTS_SERVING =
      "SELECT DISTINCT p.name FROM data_product p JOIN data_product_version v"
          + " ON v.product = p.name AND v.version IN (p.current_version, p.published_version)"
          + " WHERE v.spec -> 'outputPorts' @> jsonb_build_array(CAST(?1 AS text))";

  private final EntityManager entityManager;

  public ProductHealthService(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Records a finished run for its product, or for every product serving its dataset. */
  public void record(QualityRunCompleted run) {
    String outcome = run.outcome() == null ? "" : run.outcome().toLowerCase(Locale.ROOT);
    if (run.dataset() == null || run.runId() == null || run.finishedAt() == null) {
      throw new MalformedEventException("A quality run needs runId, dataset and finishedAt", null);
    }
    if (!OUTCOMES.contains(outcome)) {
      throw new MalformedEventException("Unknown quality run outcome " + run.outcome(), null);
    }
    List<String> products =
        run.product() != null ? List.of(run.product()) : productsServing(run.dataset());
    if (products.isEmpty()) {
      LOG.debugf("Quality run %s of %s serves no product", run.runId(), run.dataset());
    }
    for (String product : products) {
      keep(new ProductQualityRun.Key(product, run.dataset()), run, outcome);
    }
  }

  private void keep(ProductQualityRun.Key key, QualityRunCompleted run, String outcome) {
    ProductQualityRun latest = ProductQualityRun.findById(key);
    if (latest != null && latest.finishedAt.isAfter(run.finishedAt())) {
      LOG.debugf("Quality run %s of %s is older than run %s", run.runId(), key, latest.runId);
      return;
    }
    if (latest == null) {
      latest = new ProductQualityRun();
      latest.key = key;
    }
    latest.runId = run.runId();
    latest.outcome = outcome;
    latest.freshnessSeconds = run.freshnessSeconds();
    latest.failures = run.failures() == null ? List.of() : List.copyOf(run.failures());
    latest.finishedAt = run.finishedAt();
    latest.persist();
  }

  @SuppressWarnings("unchecked")
  private List<String> productsServing(String dataset) {
    return entityManager
        .createNativeQuery(PRODUCTS_SERVING, String.class)
        .setParameter(1, dataset)
        .getResultList();
  }

  /** The health of {@code product} over the output ports {@code datasets} (its current spec's). */
  public ProductHealth of(String product, List<String> datasets) {
    if (datasets.isEmpty()) {
      return ProductHealth.of(List.of());
    }
    List<ProductHealth.DatasetRun> runs =
        ProductQualityRun.<ProductQualityRun>list(
                "key.product = ?1 and key.dataset in ?2 order by key.dataset", product, datasets)
            .stream()
            .map(ProductHealthService::view)
            .toList();
    return ProductHealth.of(runs);
  }

  private static ProductHealth.DatasetRun view(ProductQualityRun run) {
    return new ProductHealth.DatasetRun(
        run.key.dataset(),
        run.outcome,
        run.freshnessSeconds,
        run.failures.stream().map(ProductHealthService::failedCheck).toList(),
        run.runId,
        run.finishedAt);
  }

  private static ProductHealth.FailedCheck failedCheck(QualityRunCompleted.FailedCheck check) {
    return new ProductHealth.FailedCheck(check.check(), check.status(), check.message());
  }
}
