package io.meshwork.lineage.graph;

import io.meshwork.web.problem.MalformedRequestException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's identity: kind, OpenLineage namespace and name. Its text form is Marquez's node id,
 * {@code dataset:<namespace>:<name>}, where the namespace may itself hold colons ({@code
 * postgres://host:5432}): the separator is the first colon not followed by {@code //} or a port.
 */
public record NodeKey(NodeKind kind, String namespace, String name) {

  private static final Pattern ID =
      Pattern.compile("^(dataset|job):(.+?):(?!//|\\d+(?:[/:]|$))(.+)$");

  public static NodeKey dataset(String namespace, String name) {
    return new NodeKey(NodeKind.DATASET, namespace, name);
  }

  public static NodeKey job(String namespace, String name) {
    return new NodeKey(NodeKind.JOB, namespace, name);
  }

  public String id() {
    return kind.prefix() + ":" + namespace + ":" + name;
  }

  /** Reads {@code dataset:<namespace>:<name>} or {@code job:<namespace>:<name>}. */
  public static NodeKey parse(String id, String parameter) {
    Matcher m = id == null ? null : ID.matcher(id);
    if (m == null || !m.matches()) {
      throw new MalformedRequestException(
          "lineage.node-id.invalid",
          parameter
              + " must be dataset:<namespace>:<name> or job:<namespace>:<name>, got '"
              + id
              + "'");
    }
    return new NodeKey(
        NodeKind.valueOf(m.group(1).toUpperCase(Locale.ROOT)), m.group(2), m.group(3));
  }
}
