package io.meshwork.governance.policy;

import java.util.List;

/**
 * An HCL policy document read and compiled: its policies, global or local to {@code domain} (the
 * document's top-level {@code domain} attribute).
 */
public record PolicySet(String domain, List<PolicyDefinition> policies) {

  public PolicySet {
    policies = List.copyOf(policies);
  }

  public boolean global() {
    return domain == null;
  }
}
