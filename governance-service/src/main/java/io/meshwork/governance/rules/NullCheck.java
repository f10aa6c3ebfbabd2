package io.meshwork.governance.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code null_check}: each listed field the product has must be filled in at least {@code
 * threshold} of its rows. The share comes from the product's reported quality metrics, or from
 * counting its output ports' real rows when none was reported (see {@link Evidence}).
 */
public final class NullCheck implements RuleKind {

  public static final String NAME = "null_check";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Rule compile(RuleParams params) {
    BigDecimal threshold = params.number("threshold", true);
    List<String> fields = params.texts("fields", true);
    params.refuseUnknown(NAME);
    if (threshold != null
        && (threshold.compareTo(BigDecimal.ZERO) <= 0 || threshold.compareTo(BigDecimal.ONE) > 0)) {
      params.invalid("threshold", "must be a share above 0 and at most 1, like 0.95");
      return null;
    }
    return threshold == null || fields == null
        ? null
        : new Compiled(threshold.doubleValue(), fields);
  }

  record Compiled(double threshold, List<String> fields) implements Rule {

    @Override
    public String kind() {
      return NAME;
    }

    @Override
    public Needs needs() {
      return new Needs(Set.copyOf(fields), false);
    }

    @Override
    public Check check(ProductDescriptor product, Evidence evidence) {
      List<String> applicable = fields.stream().filter(product::hasField).toList();
      if (applicable.isEmpty()) {
        return Check.notApplicable("the product has none of the fields " + fields);
      }
      List<String> observed = new ArrayList<>();
      List<String> unmeasured = new ArrayList<>();
      List<String> low = new ArrayList<>();
      for (String field : applicable) {
        Evidence.Completeness measured = evidence.completeness().get(field);
        if (measured == null) {
          unmeasured.add(field);
          observed.add(field + ": not measured");
          continue;
        }
        observed.add(
            String.format(
                Locale.ROOT,
                "%s: %s non-null of %d rows (%s)",
                field,
                share(measured.nonNull()),
                measured.rows(),
                measured.source()));
        if (measured.nonNull() < threshold) {
          low.add(field + " (" + share(measured.nonNull()) + ")");
        }
      }
      String evidenceText =
          String.join("; ", observed) + "; threshold " + share(threshold) + " non-null";
      if (!unmeasured.isEmpty()) {
        return Check.unmet(
            evidenceText,
            "Measure "
                + String.join(", ", unmeasured)
                + ": name an output port whose table holds the data (outputPorts), or report a"
                + " quality run for the product, then resubmit.");
      }
      if (!low.isEmpty()) {
        return Check.unmet(
            evidenceText,
            "Fill "
                + String.join(", ", low)
                + " in at least "
                + share(threshold)
                + " of the rows: fix the pipeline that writes them, then resubmit.");
      }
      return Check.met(evidenceText);
    }

    private static String share(double value) {
      return String.format(Locale.ROOT, "%.1f%%", value * 100);
    }
  }
}
