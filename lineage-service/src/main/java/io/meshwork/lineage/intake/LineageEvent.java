package io.meshwork.lineage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An OpenLineage event (RunEvent, DatasetEvent or JobEvent, spec 2-0-x) after validation: what the
 * graph needs, read out of the facets it understands; {@code payload} keeps the whole event.
 */
public record LineageEvent(
    Kind kind,
    String eventType,
    Instant eventTime,
    String producer,
    UUID runId,
    UUID parentRunId,
    Job job,
    List<Dataset> inputs,
    List<Dataset> outputs,
    Dataset dataset,
    JsonNode payload) {

  public enum Kind {
    RUN,
    DATASET,
    JOB
  }

  /** A run that ended well: its datasets are what its job reads and writes from now on. */
  public boolean completesRun() {
    return kind == Kind.RUN && "COMPLETE".equals(eventType);
  }

  /** A job with its {@code jobType} and {@code ownership} facets read out. */
  public record Job(
      String namespace,
      String name,
      String processingType,
      String jobType,
      String integration,
      List<Owner> owners,
      JsonNode facets) {}

  /**
   * A dataset with its {@code schema}, {@code ownership}, {@code columnLineage} and {@code
   * dataQualityAssertions} facets read out; {@code fields} is null without a schema facet.
   */
  public record Dataset(
      String namespace,
      String name,
      List<Field> fields,
      List<Owner> owners,
      String dataProduct,
      List<ColumnLineage> columnLineage,
      List<Assertion> assertions,
      JsonNode facets) {}

  public record Field(String name, String type, String description) {}

  public record Owner(String name, String type) {}

  /** An output field and the input fields it is made from. */
  public record ColumnLineage(String field, List<InputField> inputs) {}

  /** An input field; {@code transformations} is OpenLineage's JSON array, empty if none said. */
  public record InputField(String namespace, String name, String field, JsonNode transformations) {}

  public record Assertion(String assertion, boolean success, String column) {}
}
