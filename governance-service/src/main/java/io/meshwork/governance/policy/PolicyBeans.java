package io.meshwork.governance.policy;

import io.meshwork.governance.rules.RuleKinds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The rule kinds and the reader, built once (the CEL kind's compiler is not cheap). */
@ApplicationScoped
public class PolicyBeans {

  @Produces
  @Singleton
  RuleKinds ruleKinds() {
    return RuleKinds.standard();
  }

  @Produces
  @Singleton
  PolicyReader policyReader(RuleKinds kinds) {
    return new PolicyReader(kinds);
  }
}
