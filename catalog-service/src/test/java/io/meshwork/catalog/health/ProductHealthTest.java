package io.meshwork.catalog.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.catalog.health.ProductHealth.DatasetRun;
import io.meshwork.catalog.health.ProductHealth.FailedCheck;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductHealthTest {

  private static final FailedCheck STALE_ROWS =
      new FailedCheck("freshness", "failed", "the newest row is older than the SLA allows");
  private static final FailedCheck NULL_IDS =
      new FailedCheck("nullValues:customer_id", "failed", "3 > 0");
  private static final FailedCheck FEW_ROWS = new FailedCheck("rowCount", "warning", "10 < 100");

  private static DatasetRun run(
      String dataset, String outcome, Double freshness, String at, FailedCheck... failures) {
    return new DatasetRun(
        dataset, outcome, freshness, List.of(failures), UUID.randomUUID(), Instant.parse(at));
  }

  @Test
  void productWithoutRunsIsUnknown() {
    ProductHealth health = ProductHealth.of(List.of());
    assertThat(health.status()).isEqualTo("unknown");
    assertThat(health.freshnessSeconds()).isNull();
    assertThat(health.lastRunAt()).isNull();
    assertThat(health.datasets()).isEmpty();
  }

  @Test
  void passedRunsAreHealthyWithTheOldestDataAndNewestRun() {
    ProductHealth health =
        ProductHealth.of(
            List.of(
                run("d/a", "passed", 120.0, "2026-12-01T10:00:00Z"),
                run("d/b", "passed", null, "2026-12-01T11:00:00Z"),
                run("d/c", "passed", 30.5, "2026-12-01T09:00:00Z")));
    assertThat(health.status()).isEqualTo("healthy");
    assertThat(health.freshnessSeconds()).isEqualTo(120.0);
    assertThat(health.lastRunAt()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
  }

  @Test
  void aWarningPortMakesTheProductWarning() {
    assertThat(
            ProductHealth.of(
                    List.of(
                        run("d/a", "passed", null, "2026-12-01T10:00:00Z"),
                        run("d/b", "warning", null, "2026-12-01T10:00:00Z", FEW_ROWS)))
                .status())
        .isEqualTo("warning");
  }

  @Test
  void onlyFailedFreshnessChecksMakeTheProductStale() {
    assertThat(
            ProductHealth.of(
                    List.of(
                        run("d/a", "warning", null, "2026-12-01T10:00:00Z", FEW_ROWS),
                        run("d/b", "failed", 9000.0, "2026-12-01T10:00:00Z", STALE_ROWS, FEW_ROWS)))
                .status())
        .isEqualTo("stale");
    FailedCheck namedFreshness = new FailedCheck("Freshness:updated_at", "failed", "too old");
    assertThat(
            ProductHealth.status(run("d/a", "failed", 1.0, "2026-12-01T10:00:00Z", namedFreshness)))
        .isEqualTo("stale");
  }

  @Test
  void anyOtherFailedCheckMakesTheProductFailing() {
    assertThat(
            ProductHealth.of(
                    List.of(
                        run("d/a", "failed", 9000.0, "2026-12-01T10:00:00Z", STALE_ROWS),
                        run("d/b", "failed", null, "2026-12-01T10:00:00Z", NULL_IDS)))
                .status())
        .isEqualTo("failing");
    assertThat(
            ProductHealth.status(
                run("d/a", "failed", 9000.0, "2026-12-01T10:00:00Z", STALE_ROWS, NULL_IDS)))
        .isEqualTo("failing");
    // A failed run that names no failed check is not known to be only stale.
    assertThat(ProductHealth.status(run("d/a", "failed", null, "2026-12-01T10:00:00Z")))
        .isEqualTo("failing");
  }
}
