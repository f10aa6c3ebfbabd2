package io.meshwork.contracts.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.contracts.config.ContractsConfig;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.ResourceNotFoundException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.DomainAccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Declarative suites: {@code PUT} the document again and nothing changes; change it and the
 * revision moves on. A suite belongs to its dataset's domain; only that domain's owners (or a
 * platform admin) change it.
 */
@ApplicationScoped
public class SuiteService {

  static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,126}$");

  private final ContractsConfig config;

  public SuiteService(ContractsConfig config) {
    this.config = config;
  }

  public record Saved(QualitySuite suite, boolean created, boolean changed) {}

  @Transactional
  public Saved save(
      String name, SuiteReader.Suite read, Optional<String> datasetParam, Caller caller) {
    if (!NAME.matcher(name).matches()) {
      throw InvalidRequestException.ofField(
          "contracts.quality.invalid-suite", "name", "lower case letters, digits, '.', '_' or '-'");
    }
    String datasetId =
        read.dataset()
            .or(() -> datasetParam)
            .orElseThrow(
                () ->
                    InvalidRequestException.ofField(
                        "contracts.quality.invalid-suite",
                        "dataset",
                        "name the dataset (domain/name) in the suite or as ?dataset="));
    if (datasetParam.isPresent()
        && read.dataset().isPresent()
        && !datasetParam.equals(read.dataset())) {
      throw InvalidRequestException.ofField(
          "contracts.quality.invalid-suite",
          "dataset",
          "the suite and ?dataset= name different datasets");
    }
    MonitoredDataset dataset = MonitoredDataset.findById(datasetId);
    if (dataset == null) {
      throw InvalidRequestException.ofField(
          "contracts.quality.unknown-dataset",
          "dataset",
          "'" + datasetId + "' is not a provisioned dataset");
    }
    if (!caller.mayChange(dataset.domain)) {
      throw new DomainAccessDeniedException(
          caller.name() + " may not change quality suites of domain '" + dataset.domain + "'");
    }
    ObjectNode document = read.document().deepCopy();
    document.put("dataset", datasetId);
    return upsert(name, dataset, document, read.schedule(), QualitySuite.DECLARED, caller.name());
  }

  /** Stores {@code document} as suite {@code name}; the same document again changes nothing. */
  Saved upsert(
      String name,
      MonitoredDataset dataset,
      ObjectNode document,
      Optional<Duration> schedule,
      String origin,
      String by) {
    String text = SuiteDocuments.text(document);
    long seconds = schedule.orElse(config.observability().defaultSchedule()).toSeconds();
    QualitySuite suite = QualitySuite.findById(name);
    if (suite != null && !suite.dataset.equals(dataset.id)) {
      throw InvalidRequestException.ofField(
          "contracts.quality.invalid-suite",
          "dataset",
          "suite '" + name + "' checks " + suite.dataset + "; a suite keeps its dataset");
    }
    if (suite != null
        && SuiteDocuments.tree(suite.document).equals(document)
        && suite.scheduleSeconds == seconds) {
      return new Saved(suite, false, false);
    }
    boolean created = suite == null;
    if (created) {
      suite = new QualitySuite();
      suite.name = name;
      suite.dataset = dataset.id;
      suite.domain = dataset.domain;
      suite.revision = 0;
      suite.nextRunAt = Instant.now();
    }
    suite.origin = origin;
    suite.document = text;
    suite.scheduleSeconds = seconds;
    suite.revision++;
    suite.updatedBy = by;
    suite.updatedAt = Instant.now();
    suite.persist();
    return new Saved(suite, created, true);
  }

  public QualitySuite suite(String name) {
    QualitySuite suite = QualitySuite.findById(name);
    if (suite == null) {
      throw new ResourceNotFoundException(
          "contracts.quality.suite-not-found", "No quality suite '" + name + "'");
    }
    return suite;
  }

  public List<QualitySuite> suites(String dataset) {
    return dataset == null
        ? QualitySuite.list("order by name")
        : QualitySuite.list("dataset = ?1 order by name", dataset);
  }

  @Transactional
  public void delete(String name, Caller caller) {
    QualitySuite suite = suite(name);
    if (!caller.mayChange(suite.domain)) {
      throw new DomainAccessDeniedException(
          caller.name() + " may not change quality suites of domain '" + suite.domain + "'");
    }
    suite.delete();
  }
}
