package io.meshwork.contracts.contract.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** A quality rule's operator and value (exactly one per rule in ODCS v3.1). */
record Threshold(String operator, double a, double b) {

  private static final String[] OPERATORS = {
    "mustBe",
    "mustNotBe",
    "mustBeGreaterThan",
    "mustBeGreaterOrEqualTo",
    "mustBeLessThan",
    "mustBeLessOrEqualTo",
    "mustBeBetween",
    "mustNotBeBetween"
  };

  static Threshold of(JsonNode rule) {
    for (String operator : OPERATORS) {
      JsonNode value = rule.get(operator);
      if (value != null) {
        return value.isArray()
            ? new Threshold(operator, value.path(0).asDouble(), value.path(1).asDouble())
            : new Threshold(operator, value.asDouble(), 0);
      }
    }
    // A rule without an operator counts problems: none is the bar.
    return new Threshold("mustBe", 0, 0);
  }

  boolean accepts(double measured) {
    return switch (operator) {
      case "mustBe" -> measured == a;
      case "mustNotBe" -> measured != a;
      case "mustBeGreaterThan" -> measured > a;
      case "mustBeGreaterOrEqualTo" -> measured >= a;
      case "mustBeLessThan" -> measured < a;
      case "mustBeLessOrEqualTo" -> measured <= a;
      case "mustBeBetween" -> measured >= a && measured <= b;
      case "mustNotBeBetween" -> measured < a || measured > b;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return operator.endsWith("Between")
        ? operator + ": [" + plain(a) + ", " + plain(b) + "]"
        : operator + ": " + plain(a);
  }

  static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
