package io.meshwork.lineage.graph;

import java.time.Instant;
import java.util.List;

/**
 * What a walk from {@code root} reached: nodes with their distance in dataset hops (a job between
 * two datasets does not count as a hop), in order and as many as the request's limit; {@code total}
 * counts them all; the edges walked when asked for; {@code truncated} when the walk ran out of its
 * node budget.
 */
public record Walk(
    Node root, List<Reached> reached, int total, List<Link> links, boolean truncated) {

  /**
   * A node reached {@code distance} hops away in {@code direction}; {@code via} is the node it was
   * first reached from (for a dataset, the job that reads or writes it).
   */
  public record Reached(Node node, int distance, Direction direction, Node via) {}

  /** An edge valid at the walk's time: a dataset read by a job, or written by it. */
  public record Link(Node source, Node target, Instant validFrom, Instant validTo) {}

  /**
   * How to walk: direction, depth in dataset hops, at which time, a budget of nodes, whether to
   * keep edges; which kind of node to list (null: both) and how many of them at most.
   */
  public record Request(
      Direction direction,
      int depth,
      Instant asOf,
      int maxNodes,
      boolean withLinks,
      NodeKind kind,
      int limit) {

    public Request(Direction direction, int depth, Instant asOf, int maxNodes, boolean withLinks) {
      this(direction, depth, asOf, maxNodes, withLinks, null, Integer.MAX_VALUE);
    }
  }
}
