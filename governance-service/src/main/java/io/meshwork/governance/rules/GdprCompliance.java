package io.meshwork.governance.rules;

import io.meshwork.web.values.DurationText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code gdpr_compliance}: a product served in one of {@code regions} keeps its data no longer than
 * {@code retention_period}. The product says where it is served ({@code product.regions}) and how
 * long it keeps data ({@code product.retention}).
 */
public final class GdprCompliance implements RuleKind {

  public static final String NAME = "gdpr_compliance";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Rule compile(RuleParams params) {
    List<String> regions = params.texts("regions", true);
    String retention = params.text("retention_period", true);
    params.refuseUnknown(NAME);
    Optional<Duration> limit = DurationText.tryParse(retention);
    if (retention != null && limit.isEmpty()) {
      params.invalid("retention_period", "must be an ISO-8601 period like P1Y or P90D");
      return null;
    }
    return regions == null || retention == null
        ? null
        : new Compiled(regions, retention, limit.orElseThrow());
  }

  record Compiled(List<String> regions, String retentionText, Duration limit) implements Rule {

    @Override
    public String kind() {
      return NAME;
    }

    @Override
    public Check check(ProductDescriptor product, Evidence evidence) {
      if (product.regions().isEmpty()) {
        return Check.unmet(
            "the product declares no regions",
            "Add product.regions (for example [EU]) so that it is clear whether GDPR applies.");
      }
      List<String> covered = product.regions().stream().filter(regions::contains).toList();
      if (covered.isEmpty()) {
        return Check.notApplicable(
            "the product's regions " + product.regions() + " are outside " + regions);
      }
      if (product.retention() == null) {
        return Check.unmet(
            "served in " + covered + " with no product.retention",
            "Add product.retention no longer than " + retentionText + ".");
      }
      Optional<Duration> kept = DurationText.tryParse(product.retention());
      if (kept.isEmpty() || kept.get().compareTo(limit) > 0) {
        return Check.unmet(
            "served in "
                + covered
                + ", keeps data "
                + product.retention()
                + ", longer than "
                + retentionText,
            "Shorten product.retention to at most "
                + retentionText
                + " and delete older data, or stop serving the product in "
                + covered
                + ".");
      }
      return Check.met(
          "served in "
              + covered
              + ", keeps data "
              + product.retention()
              + ", within "
              + retentionText);
    }
  }
}
