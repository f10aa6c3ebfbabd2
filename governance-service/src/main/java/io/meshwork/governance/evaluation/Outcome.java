package io.meshwork.governance.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A rule's outcome on a product: a soft-guidance rule that is not met warns, others fail. */
public enum Outcome {
  PASSED,
  WARNED,
  FAILED,
  /** A failed soft mandate that a governance-board member overrode, with a reason. */
  OVERRIDDEN;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
