package io.meshwork.lineage.query;

import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.graph.Walk;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A dataset or a job in a lineage graph. */
@Name("LineageNode")
@Description("A dataset or a job in a lineage graph")
public class NodeView {

  private final Node node;
  private final Walk.Reached reached;

  NodeView(Node node, Walk.Reached reached) {
    this.node = node;
    this.reached = reached;
  }

  @Description("Marquez node id: dataset:<namespace>:<name> or job:<namespace>:<name>")
  @NonNull
  public String getId() {
    return node.key().id();
  }

  @Description("DATASET or JOB")
  @NonNull
  public String getType() {
    return node.key().kind().name();
  }

  @NonNull
  public String getName() {
    return node.name();
  }

  @NonNull
  public String getNamespace() {
    return node.namespace();
  }

  @Description("Hops from the root in datasets (a job between two datasets is not a hop)")
  public Integer getDistance() {
    return reached == null ? null : reached.distance();
  }

  @Description("UPSTREAM or DOWNSTREAM of the root; null for the root")
  public String getDirection() {
    return reached == null ? null : reached.direction().name();
  }

  public Instant getLastUpdated() {
    return node.lastUpdated();
  }

  @Description("For a job: BATCH or STREAMING (OpenLineage jobType facet)")
  public String getProcessingType() {
    return node.processingType();
  }

  public List<String> getOwners() {
    return node.owners();
  }

  public String getDataProduct() {
    return node.dataProduct();
  }

  public String getDomain() {
    return node.domain();
  }
}
