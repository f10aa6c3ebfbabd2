package io.meshwork.governance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code required_metadata}: each path in {@code fields} has a non-empty value in the product's
 * document. A path names keys with dots ({@code product.description}); {@code [*]} after a list
 * means every item ({@code schema[*].description}: every field is described).
 */
public final class RequiredMetadata implements RuleKind {

  public static final String NAME = "required_metadata";
  private static final Pattern PATH =
      Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*(\\[\\*])?(\\.[A-Za-z_][A-Za-z0-9_]*(\\[\\*])?)*$");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Rule compile(RuleParams params) {
    List<String> fields = params.texts("fields", true);
    params.refuseUnknown(NAME);
    if (fields == null) {
      return null;
    }
    for (String field : fields) {
      if (!PATH.matcher(field).matches()) {
        params.invalid(
            "fields",
            "'" + field + "' is not a path like product.description or schema[*].description");
        return null;
      }
    }
    return new Compiled(fields);
  }

  record Compiled(List<String> fields) implements Rule {

    @Override
    public String kind() {
      return NAME;
    }

    @Override
    public Check check(ProductDescriptor product, Evidence evidence) {
      List<String> missing = new ArrayList<>();
      for (String field : fields) {
        missing.addAll(missing(product.document(), field.split("\\."), 0, ""));
      }
      if (missing.isEmpty()) {
        return Check.met("present: " + String.join(", ", fields));
      }
      return Check.unmet(
          "missing or empty: " + String.join(", ", missing),
          "Fill in " + String.join(", ", missing) + " in the product's spec and resubmit.");
    }

    /** The concrete paths under {@code node} where {@code segments[from..]} has no value. */
    private static List<String> missing(JsonNode node, String[] segments, int from, String at) {
      if (from == segments.length) {
        return empty(node) ? List.of(at) : List.of();
      }
      String segment = segments[from];
      boolean every = segment.endsWith("[*]");
      String key = every ? segment.substring(0, segment.length() - 3) : segment;
      String here = at.isEmpty() ? key : at + "." + key;
      JsonNode child = node == null ? null : node.get(key);
      if (!every) {
        return missing(child, segments, from + 1, here);
      }
      if (child == null || !child.isArray() || child.isEmpty()) {
        return List.of(here);
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < child.size(); i++) {
        out.addAll(missing(child.get(i), segments, from + 1, here + "[" + i + "]"));
      }
      return out;
    }

    private static boolean empty(JsonNode node) {
      return node == null
          || node.isNull()
          || node.isMissingNode()
          || (node.isTextual() && node.asText().isBlank())
          || (node.isContainerNode() && node.isEmpty());
    }
  }
}
