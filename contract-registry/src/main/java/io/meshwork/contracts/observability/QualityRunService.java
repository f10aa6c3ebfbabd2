package io.meshwork.contracts.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.contracts.contract.testing.CheckResult;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.contracts.QualityMeasured;
import io.meshwork.events.contracts.QualityRunCompleted;
import io.meshwork.events.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a suite and keeps what it found: the run with every result (its row count the baseline of
 * the next), the metrics, and two events in the same transaction: the run's outcome (catalog's
 * product health) and, for a product's dataset, its fields' completeness (governance's {@code
 * null_check} evidence).
 */
@ApplicationScoped
public class QualityRunService {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SuiteRunner runner;
  private final QualityMetrics metrics;
  private final Outbox outbox;
  private final EntityManager entityManager;

  public QualityRunService(
      SuiteRunner runner, QualityMetrics metrics, Outbox outbox, EntityManager entityManager) {
    this.runner = runner;
    this.metrics = metrics;
    this.outbox = outbox;
    this.entityManager = entityManager;
  }

  public QualityRun run(String suiteName, String trigger, String startedBy) {
    Subject subject = QuarkusTransaction.requiringNew().call(() -> subject(suiteName));
    QualitySuite suite = subject.suite();
    MonitoredDataset dataset = subject.dataset();
    SuiteReader.Suite read = SuiteReader.read(SuiteDocuments.tree(suite.document));
    Instant started = Instant.now();
    SuiteRunner.Measured measured;
    if (dataset == null) {
      CheckResult missing =
          new CheckResult(
              "dataset",
              suite.dataset,
              null,
              "provisioned",
              CheckResult.FAILED,
              null,
              null,
              null,
              null,
              "not run: dataset " + suite.dataset + " is not provisioned (or not announced yet)",
              List.of());
      measured = new SuiteRunner.Measured(List.of(missing), null, null, Map.of());
    } else {
      measured = runner.run(dataset, read.expectations(), subject.baseline());
    }
    Instant finished = Instant.now();
    QualityRun run = new QualityRun();
    run.id = UUID.randomUUID();
    run.suite = suite.name;
    run.dataset = suite.dataset;
    run.domain = suite.domain;
    run.trigger = trigger;
    run.outcome = outcome(measured.results());
    run.rowCount = measured.rowCount();
    run.freshnessSeconds = measured.freshnessSeconds();
    run.results = json(measured.results());
    run.startedBy = startedBy;
    run.startedAt = started;
    run.finishedAt = finished;
    QuarkusTransaction.requiringNew().run(() -> store(run, measured));
    metrics.record(
        run.dataset,
        run.domain,
        run.freshnessSeconds,
        finished,
        measured.results(),
        Duration.between(started, finished));
    return run;
  }

  private void store(QualityRun run, SuiteRunner.Measured measured) {
    run.persist();
    String product = product(run.dataset);
    List<QualityRunCompleted.FailedCheck> failures = new ArrayList<>();
    int passed = 0;
    int warnings = 0;
    for (CheckResult result : measured.results()) {
      switch (result.status()) {
        case CheckResult.PASSED -> passed++;
        case CheckResult.WARNING -> warnings++;
        default -> {}
      }
      if (!CheckResult.PASSED.equals(result.status())) {
        failures.add(
            new QualityRunCompleted.FailedCheck(result.rule(), result.status(), result.message()));
      }
    }
    int failed = measured.results().size() - passed - warnings;
    String subject = run.dataset + "/runs/" + run.id;
    outbox.publish(
        ContractEvents.QUALITY_RUN_COMPLETED,
        run.dataset,
        subject,
        new QualityRunCompleted(
            run.id,
            run.suite,
            run.dataset,
            run.domain,
            product,
            run.outcome,
            passed,
            warnings,
            failed,
            run.freshnessSeconds,
            failures,
            run.trigger,
            run.finishedAt));
    if (product != null && !measured.completeness().isEmpty()) {
      List<QualityMeasured.FieldCompleteness> fields = new ArrayList<>();
      measured
          .completeness()
          .forEach(
              (field, counts) ->
                  fields.add(new QualityMeasured.FieldCompleteness(field, counts[0], counts[1])));
      outbox.publish(
          ContractEvents.QUALITY_MEASURED,
          product,
          subject,
          new QualityMeasured(
              run.id, product, run.dataset, fields, "quality suite " + run.suite, run.finishedAt));
    }
  }

  /** What a run reads before it starts: the suite, its dataset and the volume baseline. */
  private record Subject(QualitySuite suite, MonitoredDataset dataset, List<Long> baseline) {}

  private Subject subject(String suiteName) {
    QualitySuite suite = QualitySuite.findById(suiteName);
    return new Subject(suite, MonitoredDataset.findById(suite.dataset), baseline(suiteName));
  }

  /** Row counts of the suite's earlier runs, newest first: the volume baseline. */
  private List<Long> baseline(String suite) {
    return entityManager
        .createQuery(
            "select r.rowCount from QualityRun r where r.suite = :suite and r.rowCount is not null"
                + " order by r.startedAt desc",
            Long.class)
        .setParameter("suite", suite)
        .setMaxResults(100)
        .getResultList();
  }

  /** The published product the dataset is an output port of, if any. */
  private String product(String dataset) {
    @SuppressWarnings("unchecked")
    List<String> names =
        entityManager
            .createNativeQuery(
                "SELECT name FROM published_product WHERE status = 'PUBLISHED'"
                    + " AND output_ports @> CAST(:port AS jsonb) ORDER BY name LIMIT 1")
            .setParameter("port", json(List.of(dataset)))
            .getResultList();
    return names.isEmpty() ? null : names.get(0);
  }

  static String outcome(List<CheckResult> results) {
    boolean failed = results.stream().anyMatch(r -> CheckResult.FAILED.equals(r.status()));
    boolean warned = results.stream().anyMatch(r -> CheckResult.WARNING.equals(r.status()));
    return failed ? CheckResult.FAILED : warned ? CheckResult.WARNING : CheckResult.PASSED;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
