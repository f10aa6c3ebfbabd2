package io.meshwork.governance.rules;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code naming_pattern}: names match {@code pattern} (a Java regular expression, matched whole).
 * {@code target} says which names: {@code product.name} (the default), {@code schema.name} (every
 * field) or {@code outputPorts}.
 */
public final class NamingPattern implements RuleKind {

  public static final String NAME = "naming_pattern";
  static final Set<String> TARGETS =
      new TreeSet<>(Set.of("product.name", "schema.name", "outputPorts"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Rule compile(RuleParams params) {
    String pattern = params.text("pattern", true);
    String target = params.has("target") ? params.text("target", true) : "product.name";
    params.refuseUnknown(NAME);
    if (target != null && !TARGETS.contains(target)) {
      params.invalid("target", "must be one of " + TARGETS);
      return null;
    }
    if (pattern == null || target == null) {
      return null;
    }
    try {
      return new Compiled(Pattern.compile(pattern), pattern, target);
    } catch (PatternSyntaxException e) {
      params.invalid("pattern", "is not a valid regular expression: " + e.getDescription());
      return null;
    }
  }

  record Compiled(Pattern compiled, String pattern, String target) implements Rule {

    @Override
    public String kind() {
      return NAME;
    }

    @Override
    public Check check(ProductDescriptor product, Evidence evidence) {
      List<String> names =
          switch (target) {
            case "schema.name" ->
                product.fields().stream().map(ProductDescriptor.Field::name).toList();
            case "outputPorts" -> product.outputPorts();
            default -> product.name() == null ? List.of() : List.of(product.name());
          };
      if (names.isEmpty()) {
        return Check.notApplicable("the product has no " + target);
      }
      List<String> wrong =
          names.stream().filter(n -> n == null || !compiled.matcher(n).matches()).toList();
      if (wrong.isEmpty()) {
        return Check.met(target + " " + names + " match " + pattern);
      }
      return Check.unmet(
          target + " " + wrong + " do not match " + pattern,
          "Rename " + String.join(", ", wrong) + " to match " + pattern + ".");
    }
  }
}
