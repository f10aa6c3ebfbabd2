package io.meshwork.contracts.observability;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs due suites. Each tick claims a few due suites with {@code FOR UPDATE SKIP LOCKED} and moves
 * their next run on before running them, so replicas never run one suite twice and a suite whose
 * dataset is down does not block the others.
 */
@ApplicationScoped
public class QualityScheduler {

  private static final Logger LOG = Logger.getLogger(QualityScheduler.class);
  private static final int BATCH = 20;

  private final QualityRunService runs;
  private final EntityManager entityManager;

  public QualityScheduler(QualityRunService runs, EntityManager entityManager) {
    this.runs = runs;
    this.entityManager = entityManager;
  }

  @Scheduled(
      every = "${meshwork.contracts.observability.tick:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void tick() {
    for (String suite : claimDue()) {
      try {
        runs.run(suite, QualityRun.SCHEDULED, "scheduler");
      } catch (RuntimeException e) {
        LOG.warnf(e, "Scheduled run of quality suite %s failed", suite);
      }
    }
  }

  private List<String> claimDue() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Instant now = Instant.now();
              @SuppressWarnings("unchecked")
              List<String> due =
                  entityManager
                      .createNativeQuery(
                          "SELECT name FROM quality_suite WHERE next_run_at <= :now"
                              + " ORDER BY next_run_at LIMIT :batch FOR UPDATE SKIP LOCKED")
                      .setParameter("now", now)
                      .setParameter("batch", BATCH)
                      .getResultList();
              if (!due.isEmpty()) {
                entityManager
                    .createNativeQuery(
                        "UPDATE quality_suite SET next_run_at = CAST(:now AS timestamptz)"
                            + " + make_interval(secs => schedule_seconds) WHERE name IN (:names)")
                    .setParameter("now", now)
                    .setParameter("names", due)
                    .executeUpdate();
              }
              return due;
            });
  }
}
