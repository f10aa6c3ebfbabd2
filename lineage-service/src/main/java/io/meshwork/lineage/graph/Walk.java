package io.meshwork.lineage.graph;

import java.time.Instant;
import java.util.List;

/**
 * What a walk from {@code root} reached: nodes with their distance in dataset hops (a job between
 * two datasets does not count as a hop), and the edges walked when asked for.
 */
public record Walk(Node root, List<Reached> reached, List<Link> links, boolean truncated) {

  /**
   * A node reached {@code distance} hops away in {@code direction}; {@code via} is the node it was
   * first reached from (for a dataset, the job that reads or writes it).
   */
  public record Reached(Node node, int distance, Direction direction, Node via) {}

  /** An edge valid at the walk's time: a dataset read by a job, or written by it. */
  public record Link(Node source, Node target, Instant validFrom, Instant validTo) {}

  /** How to walk: direction, depth in dataset hops, at which time, and a budget of nodes. */
  public record Request(
      Direction direction, int depth, Instant asOf, int maxNodes, boolean withLinks) {}
}
