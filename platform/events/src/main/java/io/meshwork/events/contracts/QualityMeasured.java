package io.meshwork.events.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A quality run measured {@code dataset} ({@code domain/name}), an output port of {@code product}:
 * for each field, {@code nonNull} of {@code rows} values were present. {@code source} says what ran
 * (a contract's checks, a scheduled run).
 */
public record QualityMeasured(
    UUID runId,
    String product,
    String dataset,
    List<FieldCompleteness> completeness,
    String source,
    Instant measuredAt) {

  public record FieldCompleteness(String field, long nonNull, long rows) {}
}
