package io.meshwork.contracts.observability;

import io.meshwork.contracts.contract.testing.CheckResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The metrics the seed's alert rules read: {@code data_freshness_seconds{dataset,domain}}, the age
 * of a dataset's newest data now (it keeps growing between runs, as data ages), and {@code
 * quality_violations_total{dataset,domain,check}}, one per failed check of a run; plus {@code
 * quality_check_duration_seconds} per run of a suite's checks.
 */
@ApplicationScoped
public class QualityMetrics {

  private final MeterRegistry registry;
  private final EntityManager entityManager;

  /** dataset -> when its newest data was written (epoch millis), as the last run measured it. */
  private final Map<String, AtomicLong> newest = new ConcurrentHashMap<>();

  public QualityMetrics(MeterRegistry registry, EntityManager entityManager) {
    this.registry = registry;
    this.entityManager = entityManager;
  }

  /**
   * After a restart the gauges start from each dataset's last measured age, so a stale dataset
   * keeps alerting through a deploy instead of vanishing until its next run.
   */
  void onStart(@Observes StartupEvent event) {
    restore();
  }

  void restore() {
    List<Object[]> latest =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  @SuppressWarnings("unchecked")
                  List<Object[]> rows =
                      entityManager
                          .createNativeQuery(
                              "SELECT DISTINCT ON (dataset) dataset, domain, freshness_seconds,"
                                  + " finished_at FROM quality_run"
                                  + " WHERE freshness_seconds IS NOT NULL"
                                  + " ORDER BY dataset, finished_at DESC")
                          .getResultList();
                  return rows;
                });
    for (Object[] row : latest) {
      Instant finished = row[3] instanceof Instant at ? at : ((Timestamp) row[3]).toInstant();
      if (!newest.containsKey((String) row[0])) {
        record(
            (String) row[0],
            (String) row[1],
            ((Number) row[2]).doubleValue(),
            finished,
            List.of(),
            null);
      }
    }
  }

  /** Records a run: the data's age as of {@code measuredAt}, and every failed check. */
  public void record(
      String dataset,
      String domain,
      Double freshnessSeconds,
      Instant measuredAt,
      Iterable<CheckResult> results,
      Duration took) {
    if (freshnessSeconds != null) {
      long at = measuredAt.toEpochMilli() - Math.round(freshnessSeconds * 1000);
      newest
          .computeIfAbsent(
              dataset,
              key -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder(
                        "data.freshness",
                        value,
                        n -> (System.currentTimeMillis() - n.get()) / 1000.0)
                    .description("Age of the dataset's newest data as of now")
                    .baseUnit("seconds")
                    .tag("dataset", dataset)
                    .tag("domain", domain)
                    .register(registry);
                return value;
              })
          .set(at);
    }
    for (CheckResult result : results) {
      if (CheckResult.FAILED.equals(result.status())) {
        Counter.builder("quality.violations")
            .description("Failed quality checks")
            .tag("dataset", dataset)
            .tag("domain", domain)
            .tag("check", result.rule())
            .register(registry)
            .increment();
      }
    }
    if (took == null) {
      return;
    }
    Timer.builder("quality.check.duration")
        .description("Time to run a suite's checks on a dataset")
        .tag("dataset", dataset)
        .tag("domain", domain)
        .register(registry)
        .record(took);
  }
}
