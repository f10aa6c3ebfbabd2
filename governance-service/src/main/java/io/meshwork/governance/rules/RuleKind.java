package io.meshwork.governance.rules;

/** A kind of rule policies may use, and how its parameters become a {@link Rule}. */
public interface RuleKind {

  /** The name policies use ({@code null_check}). */
  String name();

  /**
   * Reads the rule's parameters; a wrong or missing one is recorded in {@code params} (with its
   * line and column) and the answer is then null.
   */
  Rule compile(RuleParams params);
}
