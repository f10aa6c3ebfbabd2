package io.meshwork.governance.rules;

/**
 * A rule's verdict on a product: {@code met} or not, the evidence (what was observed, against
 * what), and for an unmet rule the remediation, which says what to change.
 */
public record Check(boolean met, String evidence, String remediation) {

  public static Check met(String evidence) {
    return new Check(true, evidence, null);
  }

  /** Nothing in the product is subject to the rule: it holds. */
  public static Check notApplicable(String why) {
    return new Check(true, "not applicable: " + why, null);
  }

  public static Check unmet(String evidence, String remediation) {
    return new Check(false, evidence, remediation);
  }
}
