package io.meshwork.lineage.query;

import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.graph.NodeKind;
import io.meshwork.web.problem.ConflictException;
import java.util.List;
import java.util.Locale;

/** A name given without a namespace that several namespaces use. */
public class AmbiguousNameException extends ConflictException {

  public AmbiguousNameException(NodeKind kind, String name, List<Node> matches) {
    super(
        "lineage.name.ambiguous",
        kind.name().toLowerCase(Locale.ROOT)
            + " '"
            + name
            + "' exists in several namespaces; give one of: "
            + String.join(", ", matches.stream().map(Node::namespace).sorted().toList()));
  }
}
