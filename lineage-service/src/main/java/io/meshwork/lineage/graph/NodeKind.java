package io.meshwork.lineage.graph;

import java.util.Locale;

/** Lineage nodes: datasets, and the jobs that read and write them. */
public enum NodeKind {
  DATASET,
  JOB;

  /** The prefix of node ids, as Marquez writes them: {@code dataset:<namespace>:<name>}. */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }
}
