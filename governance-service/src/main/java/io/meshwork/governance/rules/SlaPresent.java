package io.meshwork.governance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.web.values.DurationText;
import io.meshwork.web.values.Percent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code sla_present}: the product states its service levels ({@code service.freshness}, {@code
 * availability}, {@code latency}; {@code require} picks which) and, when bounds are given, promises
 * at least {@code min_availability} and at most {@code max_freshness} / {@code max_latency}.
 */
public final class SlaPresent implements RuleKind {

  public static final String NAME = "sla_present";
  private static final Set<String> LEVELS =
      new TreeSet<>(Set.of("freshness", "availability", "latency"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Rule compile(RuleParams params) {
    List<String> require =
        params.has("require") ? params.texts("require", true) : List.copyOf(LEVELS);
    String minAvailability = params.text("min_availability", false);
    String maxFreshness = params.text("max_freshness", false);
    String maxLatency = params.text("max_latency", false);
    params.refuseUnknown(NAME);
    if (require == null) {
      return null;
    }
    if (!LEVELS.containsAll(require)) {
      params.invalid("require", "may name only " + LEVELS);
      return null;
    }
    Optional<BigDecimal> availability = Percent.tryParse(minAvailability);
    if (minAvailability != null && availability.isEmpty()) {
      params.invalid("min_availability", "must be a percentage like 99.9%");
      return null;
    }
    Optional<Duration> freshness = DurationText.tryParse(maxFreshness);
    if (maxFreshness != null && freshness.isEmpty()) {
      params.invalid("max_freshness", "must be a duration like 24h or PT1H");
      return null;
    }
    Optional<Duration> latency = DurationText.tryParse(maxLatency);
    if (maxLatency != null && latency.isEmpty()) {
      params.invalid("max_latency", "must be a duration like 1h or PT15M");
      return null;
    }
    return new Compiled(
        require, availability.orElse(null), freshness.orElse(null), latency.orElse(null));
  }

  record Compiled(
      List<String> require, BigDecimal minAvailability, Duration maxFreshness, Duration maxLatency)
      implements Rule {

    @Override
    public String kind() {
      return NAME;
    }

    @Override
    public Check check(ProductDescriptor product, Evidence evidence) {
      JsonNode service = product.document().path("service");
      List<String> missing = new ArrayList<>();
      List<String> weak = new ArrayList<>();
      List<String> stated = new ArrayList<>();
      for (String level : require) {
        String value = service.path(level).asText("");
        if (value.isBlank()) {
          missing.add("service." + level);
        } else {
          stated.add(level + " " + value);
        }
      }
      String availability = service.path("availability").asText("");
      if (minAvailability != null && !availability.isBlank()) {
        Percent.tryParse(availability)
            .filter(promised -> promised.compareTo(minAvailability) < 0)
            .ifPresent(
                p ->
                    weak.add(
                        "availability "
                            + availability
                            + " < "
                            + minAvailability.toPlainString()
                            + "%"));
      }
      bound(service, "freshness", maxFreshness, weak);
      bound(service, "latency", maxLatency, weak);
      String observed = stated.isEmpty() ? "no service levels stated" : String.join(", ", stated);
      if (!missing.isEmpty()) {
        return Check.unmet(
            observed + "; missing " + String.join(", ", missing),
            "State " + String.join(", ", missing) + " in the product's spec.");
      }
      if (!weak.isEmpty()) {
        return Check.unmet(
            observed + "; below the bounds: " + String.join(", ", weak),
            "Promise at least the platform's service levels: " + String.join(", ", weak) + ".");
      }
      return Check.met(observed);
    }

    private static void bound(JsonNode service, String level, Duration max, List<String> weak) {
      String value = service.path(level).asText("");
      if (max == null || value.isBlank()) {
        return;
      }
      DurationText.tryParse(value)
          .filter(promised -> promised.compareTo(max) > 0)
          .ifPresent(p -> weak.add(level + " " + value + " > " + max));
    }
  }
}
