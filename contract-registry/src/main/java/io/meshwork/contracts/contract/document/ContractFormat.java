package io.meshwork.contracts.contract.document;

import io.meshwork.web.problem.InvalidRequestException;
import java.util.Locale;
import java.util.Optional;

/** The two contract formats the registry reads and writes. */
public enum ContractFormat {
  /** Open Data Contract Standard v3.1 (YAML or JSON). */
  ODCS,
  /**
   * The seed's compact JSON: {@code {"schema": {field: {type, required, min, enum}}, "metadata":
   * {owner, SLA}}}.
   */
  SEED;

  public static Optional<ContractFormat> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "odcs", "yaml" -> Optional.of(ODCS);
      case "seed", "json" -> Optional.of(SEED);
      default ->
          throw InvalidRequestException.ofField(
              "contracts.contract.invalid-format", "format", "format must be odcs or seed");
    };
  }
}
