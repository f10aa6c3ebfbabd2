package io.meshwork.lineage.graph;

import java.time.Instant;
import java.util.List;

/**
 * What the graph keeps of a node in memory: enough to draw it and say who owns it. Facets and
 * fields stay in the database and are read for detail views. {@code aliases} are other names a
 * dataset answers to (a provisioned dataset's platform name), found by name like its own.
 */
public record Node(
    long id,
    NodeKey key,
    Instant firstSeen,
    Instant lastUpdated,
    String processingType,
    String jobType,
    String domain,
    String dataProduct,
    List<String> owners,
    Instant deletedAt,
    long version,
    List<String> aliases) {

  public boolean isDataset() {
    return key.kind() == NodeKind.DATASET;
  }

  public String name() {
    return key.name();
  }

  public String namespace() {
    return key.namespace();
  }
}
