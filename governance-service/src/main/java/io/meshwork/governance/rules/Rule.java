package io.meshwork.governance.rules;

/**
 * One compiled rule of a policy: a pure check of a product against the evidence gathered for it.
 * Compiled once when its policy is stored (regexes, CEL programs), then run on every evaluation.
 */
public interface Rule {

  /** The kind ({@code null_check}, {@code cel}, ...) as policies name it. */
  String kind();

  /** What must be gathered before {@link #check} runs (measured completeness, the directory). */
  default Needs needs() {
    return Needs.NONE;
  }

  Check check(ProductDescriptor product, Evidence evidence);
}
