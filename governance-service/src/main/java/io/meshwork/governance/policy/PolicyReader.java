package io.meshwork.governance.policy;

import io.meshwork.governance.policy.PolicyDefinition.NamedRule;
import io.meshwork.governance.policy.hcl.HclBody;
import io.meshwork.governance.policy.hcl.HclBody.Attribute;
import io.meshwork.governance.policy.hcl.HclBody.Block;
import io.meshwork.governance.policy.hcl.HclReader;
import io.meshwork.governance.policy.hcl.HclSyntaxException;
import io.meshwork.governance.policy.hcl.HclValue;
import io.meshwork.governance.policy.hcl.HclValue.Member;
import io.meshwork.governance.policy.hcl.HclValue.Position;
import io.meshwork.governance.rules.Rule;
import io.meshwork.governance.rules.RuleKind;
import io.meshwork.governance.rules.RuleKinds;
import io.meshwork.governance.rules.RuleParams;
import io.meshwork.web.problem.Problem.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy document in the seed's {@code governance.hcl} form into a {@link PolicySet},
 * compiling every rule; all problems at once, each with its line and column.
 *
 * <pre>
 * domain = "marketing"              # optional: the document is local to this domain
 * policy "data_quality" {
 *   enforcement_level = "hard-mandate"
 *   description       = "..."       # optional
 *   rules = {
 *     "null_check" = { threshold = 0.95, fields = ["customer_id"] }
 *     "ids"        = { kind = "naming_pattern", target = "schema.name", pattern = "^[a-z_]+$" }
 *   }
 * }
 * </pre>
 *
 * A rule's key is its kind unless it says {@code kind}, so one policy may hold two rules of a kind.
 */
public final class PolicyReader {

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
  private static final Pattern DOMAIN = Pattern.compile("^[a-z][a-z0-9_-]{0,62}$");
  private static final String HCL = "hcl";

  private final RuleKinds kinds;

  public PolicyReader(RuleKinds kinds) {
    this.kinds = kinds;
  }

  public PolicySet read(String document) {
    HclBody body;
    try {
      body = HclReader.read(document);
    } catch (HclSyntaxException e) {
      throw new InvalidPolicyException(
          e.errors().stream()
              .map(error -> Violation.at(HCL, error.message(), error.line(), error.column()))
              .toList());
    }
    List<Violation> violations = new ArrayList<>();
    String domain = null;
    for (Attribute attribute : body.attributes()) {
      if (attribute.name().equals("domain")
          && attribute.value() instanceof HclValue.Text text
          && DOMAIN.matcher(text.value()).matches()) {
        domain = text.value();
      } else {
        violations.add(
            at(
                attribute.name(),
                attribute.name().equals("domain")
                    ? "must be a domain name (lower case, a-z0-9_-)"
                    : "is not allowed at the top; a document holds policy blocks and, for a domain's"
                        + " own policies, domain = \"<domain>\"",
                attribute.at()));
      }
    }
    List<PolicyDefinition> policies = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Block block : body.blocks()) {
      policy(block, names, violations).ifPresent(policies::add);
    }
    if (policies.isEmpty() && violations.isEmpty()) {
      violations.add(Violation.at(HCL, "holds no policy block: policy \"<name>\" { ... }", 1, 1));
    }
    if (!violations.isEmpty()) {
      throw new InvalidPolicyException(violations);
    }
    return new PolicySet(domain, policies);
  }

  private Optional<PolicyDefinition> policy(Block block, Set<String> names, List<Violation> out) {
    if (!block.type().equals("policy")) {
      out.add(at(block.type(), "is not a known block; a document holds policy blocks", block.at()));
      return Optional.empty();
    }
    if (block.labels().size() != 1 || !NAME.matcher(block.labels().get(0)).matches()) {
      out.add(
          at(
              "policy",
              "needs one name in lower case, a-z0-9_: policy \"data_quality\"",
              block.at()));
      return Optional.empty();
    }
    String name = block.labels().get(0);
    String path = "policy." + name;
    if (!names.add(name)) {
      out.add(at(path, "is defined twice", block.at()));
    }
    int before = out.size();
    Attributes read = new Attributes();
    for (Attribute attribute : block.body().attributes()) {
      read.read(path, attribute, out);
    }
    for (Block nested : block.body().blocks()) {
      out.add(at(path + "." + nested.type(), "blocks are not allowed in a policy", nested.at()));
    }
    if (read.enforcement == null && out.size() == before) {
      out.add(
          at(
              path + ".enforcement_level",
              "is required; use one of " + Enforcement.levels(),
              block.at()));
    }
    if (read.rules == null && out.size() == before) {
      out.add(at(path + ".rules", "is required: the policy's rules", block.at()));
    }
    List<NamedRule> compiled = read.rules == null ? List.of() : rules(path, read.rules, out);
    return out.size() == before
        ? Optional.of(new PolicyDefinition(name, read.enforcement, read.description, compiled))
        : Optional.empty();
  }

  /** A policy block's attributes, as read so far. */
  private static final class Attributes {
    private Enforcement enforcement;
    private String description;
    private HclValue.ObjectValue rules;

    void read(String path, Attribute attribute, List<Violation> out) {
      String field = path + "." + attribute.name();
      HclValue value = attribute.value();
      switch (attribute.name()) {
        case "enforcement_level" -> {
          String level = value instanceof HclValue.Text text ? text.value() : value.describe();
          enforcement = Enforcement.of(level).orElse(null);
          if (enforcement == null) {
            out.add(
                at(
                    field,
                    "'"
                        + level
                        + "' is not an enforcement level; use one of "
                        + Enforcement.levels(),
                    value.at()));
          }
        }
        case "description" -> {
          if (value instanceof HclValue.Text text) {
            description = text.value();
          } else {
            out.add(at(field, "must be a string", value.at()));
          }
        }
        case "rules" -> {
          if (value instanceof HclValue.ObjectValue object && !object.members().isEmpty()) {
            rules = object;
          } else {
            out.add(
                at(
                    field,
                    "must be a map of rules: rules = { \"null_check\" = { ... } }",
                    value.at()));
          }
        }
        default ->
            out.add(
                at(
                    field,
                    "is not a policy attribute; use enforcement_level, description and rules",
                    attribute.at()));
      }
    }
  }

  private List<NamedRule> rules(String path, HclValue.ObjectValue rules, List<Violation> out) {
    List<NamedRule> compiled = new ArrayList<>();
    for (Member member : rules.members().values()) {
      String field = path + ".rules." + member.key();
      if (!NAME.matcher(member.key()).matches()) {
        out.add(at(field, "a rule's key must be lower case, a-z0-9_", member.at()));
        continue;
      }
      if (!(member.value() instanceof HclValue.ObjectValue params)) {
        out.add(
            at(
                field,
                "must be a map of the rule's parameters, not " + member.value().describe(),
                member.value().at()));
        continue;
      }
      String kindName = member.key();
      Member kindMember = params.members().get("kind");
      if (kindMember != null) {
        if (kindMember.value() instanceof HclValue.Text text) {
          kindName = text.value();
        } else {
          out.add(
              at(field + ".kind", "must be a string naming a rule kind", kindMember.value().at()));
          continue;
        }
      }
      Optional<RuleKind> kind = kinds.find(kindName);
      if (kind.isEmpty()) {
        Position where = kindMember != null ? kindMember.value().at() : member.at();
        out.add(
            at(
                kindMember != null ? field + ".kind" : field,
                "'" + kindName + "' is not a rule kind; the kinds are " + kinds.names(),
                where));
        continue;
      }
      int before = out.size();
      Rule rule = kind.get().compile(new RuleParams(field, params.members(), params.at(), out));
      if (rule != null && out.size() == before) {
        compiled.add(new NamedRule(member.key(), rule, plainMembers(params)));
      }
    }
    return compiled;
  }

  private static Map<String, Object> plainMembers(HclValue.ObjectValue object) {
    Map<String, Object> values = new LinkedHashMap<>();
    object.members().forEach((key, member) -> values.put(key, plain(member.value())));
    return values;
  }

  private static Object plain(HclValue value) {
    if (value instanceof HclValue.Text text) {
      return text.value();
    }
    if (value instanceof HclValue.Number number) {
      return number.value();
    }
    if (value instanceof HclValue.Bool bool) {
      return bool.value();
    }
    if (value instanceof HclValue.Tuple tuple) {
      return tuple.items().stream().map(PolicyReader::plain).toList();
    }
    if (value instanceof HclValue.ObjectValue object) {
      return plainMembers(object);
    }
    return null;
  }

  private static Violation at(String field, String message, Position at) {
    return Violation.at(field, message, at.line(), at.column());
  }
}
