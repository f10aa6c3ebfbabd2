package io.meshwork.governance.evaluation;

import io.meshwork.governance.policy.PolicyDefinition;

/**
 * A policy in force: from version {@code version} of document {@code document}, global or local.
 */
public record ActivePolicy(String document, int version, String domain, PolicyDefinition policy) {

  /** How an evaluation records the policies it applied. */
  public AppliedPolicy applied() {
    return new AppliedPolicy(
        policy.name(),
        policy.enforcement().level(),
        document,
        version,
        domain == null ? "global" : domain);
  }

  public record AppliedPolicy(
      String policy, String enforcement, String document, int documentVersion, String scope) {}
}
