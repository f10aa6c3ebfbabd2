package io.meshwork.governance.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The kinds of rule a policy may use, by name. */
public final class RuleKinds {

  private final Map<String, RuleKind> byName = new LinkedHashMap<>();

  public RuleKinds(List<RuleKind> kinds) {
    kinds.forEach(kind -> byName.put(kind.name(), kind));
  }

  /** Every kind the platform ships. The CEL kind builds its compiler once, here. */
  public static RuleKinds standard() {
    return new RuleKinds(
        List.of(
            new NullCheck(),
            new GdprCompliance(),
            new RequiredMetadata(),
            new NamingPattern(),
            new SlaPresent(),
            new PiiClassification(),
            new OwnerExists(),
            new CelExpression()));
  }

  public Optional<RuleKind> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Set<String> names() {
    return byName.keySet();
  }
}
