package io.meshwork.lineage.graph;

/** Which way to walk from a node: to where its data comes from, where it goes, or both. */
public enum Direction {
  UPSTREAM,
  DOWNSTREAM,
  BOTH
}
