package io.meshwork.governance.rules;

import io.meshwork.governance.policy.hcl.HclValue;
import io.meshwork.governance.policy.hcl.HclValue.Member;
import io.meshwork.governance.policy.hcl.HclValue.Position;
import io.meshwork.web.problem.Problem.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule's parameters as written ({@code threshold = 0.95}), read with their types checked. A wrong
 * value becomes a violation at its line and column, named by its path ({@code
 * policy.data_quality.rules.null_check.threshold}); reading goes on so that all are reported.
 */
public final class RuleParams {

  private final String path;
  private final Map<String, Member> members;
  private final Position at;
  private final List<Violation> violations;
  private final Set<String> read = new HashSet<>();

  public RuleParams(String path, Map<String, Member> members, Position at, List<Violation> sink) {
    this.path = path;
    this.members = members;
    this.at = at;
    this.violations = sink;
  }

  public String path() {
    return path;
  }

  public boolean has(String key) {
    read.add(key);
    return members.containsKey(key);
  }

  public String text(String key, boolean required) {
    HclValue value = value(key, required);
    if (value == null) {
      return null;
    }
    if (value instanceof HclValue.Text text) {
      return text.value();
    }
    invalid(key, "must be a string, not " + value.describe());
    return null;
  }

  public BigDecimal number(String key, boolean required) {
    HclValue value = value(key, required);
    if (value == null) {
      return null;
    }
    if (value instanceof HclValue.Number number) {
      return number.value();
    }
    invalid(key, "must be a number, not " + value.describe());
    return null;
  }

  /** A list of strings; {@code required} also means not empty. */
  public List<String> texts(String key, boolean required) {
    HclValue value = value(key, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof HclValue.Tuple tuple)) {
      invalid(key, "must be a list of strings, not " + value.describe());
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (HclValue item : tuple.items()) {
      if (item instanceof HclValue.Text text && !text.value().isBlank()) {
        texts.add(text.value());
      } else {
        violations.add(
            Violation.at(
                path + "." + key,
                "every item must be a non-empty string, not " + item.describe(),
                item.at().line(),
                item.at().column()));
        return null;
      }
    }
    if (required && texts.isEmpty()) {
      invalid(key, "must name at least one");
      return null;
    }
    return List.copyOf(texts);
  }

  /** Records that {@code key}'s value is wrong, at the value's position. */
  public void invalid(String key, String message) {
    Member member = members.get(key);
    Position where = member == null ? at : member.value().at();
    violations.add(Violation.at(path + "." + key, message, where.line(), where.column()));
  }

  /** Keys written but not read by the kind: reported with the kind's parameters. */
  public void refuseUnknown(String kind) {
    Set<String> allowed = new TreeSet<>(read);
    allowed.add("kind");
    for (Member member : members.values()) {
      if (!allowed.contains(member.key())) {
        violations.add(
            Violation.at(
                path + "." + member.key(),
                "is not a parameter of " + kind + "; its parameters are " + allowed,
                member.at().line(),
                member.at().column()));
      }
    }
  }

  private HclValue value(String key, boolean required) {
    read.add(key);
    Member member = members.get(key);
    if (member == null || member.value() instanceof HclValue.Null) {
      if (required) {
        violations.add(Violation.at(path + "." + key, "is required", at.line(), at.column()));
      }
      return null;
    }
    return member.value();
  }
}
