package io.meshwork.lineage.graph;

import java.time.Instant;
import java.util.List;

/** Rows of the lineage tables as written, to apply to the graph in memory. */
public record GraphChanges(List<Node> nodes, List<Edge> edges, List<ColumnEdge> columnEdges) {

  public boolean isEmpty() {
    return nodes.isEmpty() && edges.isEmpty() && columnEdges.isEmpty();
  }

  /** source -> target, valid from..to (to null while valid). */
  public record Edge(long id, long sourceId, long targetId, Instant validFrom, Instant validTo) {}

  /** An output field made by a job from an input field. */
  public record ColumnEdge(
      long id,
      long jobId,
      long inputId,
      String inputField,
      long outputId,
      String outputField,
      String transformations,
      Instant validFrom,
      Instant validTo) {}
}
