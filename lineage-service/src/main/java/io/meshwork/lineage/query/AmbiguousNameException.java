package io.meshwork.lineage.query;

import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.graph.NodeKind;
import io.meshwork.web.problem.ConflictException;
import java.util.List;
import java.util.Locale;

/**
 * A name that several nodes answer to: the same name in several namespaces, or a platform name that
 * datasets of several domains share.
 */
public class AmbiguousNameException extends ConflictException {

  public AmbiguousNameException(NodeKind kind, String name, List<Node> matches) {
    super("lineage.name.ambiguous", message(kind, name, matches));
  }

  private static String message(NodeKind kind, String name, List<Node> matches) {
    String what = kind.name().toLowerCase(Locale.ROOT) + " '" + name + "'";
    List<String> namespaces = matches.stream().map(Node::namespace).distinct().sorted().toList();
    if (namespaces.size() == matches.size()) {
      return what + " exists in several namespaces; give one of: " + String.join(", ", namespaces);
    }
    List<String> domains =
        matches.stream()
            .map(Node::domain)
            .filter(domain -> domain != null)
            .distinct()
            .sorted()
            .map(domain -> domain + "/" + name)
            .toList();
    return what
        + " names datasets of several domains; give the domain-qualified name, one of: "
        + String.join(", ", domains);
  }
}
