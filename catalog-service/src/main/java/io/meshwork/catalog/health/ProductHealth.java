package io.meshwork.catalog.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A product's health: the latest quality run of each of its output ports, and what they add up to.
 * {@code status} is the worst port's: {@code failing} (a check failed), {@code stale} (every failed
 * check is a freshness check), {@code warning}, {@code healthy} (passed); {@code unknown} while no
 * port has a run. {@code freshnessSeconds} is the oldest port's data, {@code lastRunAt} the newest
 * run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductHealth(
    @Schema(enumeration = {UNKNOWN, HEALTHY, WARNING, STALE, FAILING}) String status,
    Double freshnessSeconds,
    Instant lastRunAt,
    List<DatasetRun> datasets) {

  public static final String UNKNOWN = "unknown";
  public static final String HEALTHY = "healthy";
  public static final String WARNING = "warning";
  public static final String STALE = "stale";
  public static final String FAILING = "failing";

  /**
   * The suites' freshness expectations; a check is named by its kind and, after a colon, its column
   * ({@code expect_table_data_to_be_fresh:updated_at}).
   */
  private static final Set<String> FRESHNESS_EXPECTATIONS =
      Set.of("expect_table_data_to_be_fresh", "expect_topic_data_to_be_fresh");

  /** From best to worst: a product is as healthy as its worst port. */
  private static final List<String> SEVERITY = List.of(HEALTHY, WARNING, STALE, FAILING);

  /** One output port's latest run: {@code outcome} passed, warning or failed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DatasetRun(
      String dataset,
      String outcome,
      Double freshnessSeconds,
      List<FailedCheck> failures,
      UUID runId,
      Instant finishedAt) {}

  /** A check that warned or failed. */
  public record FailedCheck(String check, String status, String message) {}

  public static ProductHealth of(List<DatasetRun> runs) {
    String status =
        runs.stream()
            .map(ProductHealth::status)
            .max(Comparator.comparingInt(SEVERITY::indexOf))
            .orElse(UNKNOWN);
    return new ProductHealth(
        status,
        runs.stream()
            .map(DatasetRun::freshnessSeconds)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(null),
        runs.stream().map(DatasetRun::finishedAt).max(Comparator.naturalOrder()).orElse(null),
        runs);
  }

  /**
   * A run's status: a failed run is {@code stale} when every check that failed is a freshness
   * check, otherwise {@code failing} (a failed freshness check beside another failed check is
   * failing). A freshness check's kind, its name before any {@code :column}, is one of {@link
   * #FRESHNESS_EXPECTATIONS} or starts with {@code freshness} (a contract test's SLA check).
   */
  static String status(DatasetRun run) {
    return switch (run.outcome()) {
      case "passed" -> HEALTHY;
      case "warning" -> WARNING;
      default -> {
        List<FailedCheck> failed =
            run.failures().stream().filter(f -> "failed".equalsIgnoreCase(f.status())).toList();
        yield !failed.isEmpty() && failed.stream().allMatch(ProductHealth::isFreshness)
            ? STALE
            : FAILING;
      }
    };
  }

  private static boolean isFreshness(FailedCheck failure) {
    if (failure.check() == null) {
      return false;
    }
    String kind = failure.check().split(":", 2)[0].toLowerCase(Locale.ROOT);
    return FRESHNESS_EXPECTATIONS.contains(kind) || kind.startsWith("freshness");
  }
}
