package io.meshwork.lineage.query;

import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.graph.Walk;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A dataset as the GraphQL API shows it: the root of a query, or one reached from it (then with its
 * distance and the job it was reached through). Lineage fields are resolved by {@link
 * LineageGraphQLApi}, at the time the query asked for.
 */
@Name("Dataset")
@Description("A dataset: a table, topic, file set or view that jobs read and write")
public class DatasetView {

  private final Node node;
  private final Walk.Reached reached;
  final Instant asOf;

  DatasetView(Node node, Walk.Reached reached, Instant asOf) {
    this.node = node;
    this.reached = reached;
    this.asOf = asOf;
  }

  Node node() {
    return node;
  }

  @Description("Marquez node id: dataset:<namespace>:<name>")
  @NonNull
  public String getId() {
    return node.key().id();
  }

  @NonNull
  public String getName() {
    return node.name();
  }

  @Description("OpenLineage namespace: where the dataset lives, e.g. postgres://host:5432")
  @NonNull
  public String getNamespace() {
    return node.namespace();
  }

  @Description("When a job last wrote it (a completed run), or a dataset event said so")
  public Instant getLastUpdated() {
    return node.lastUpdated();
  }

  public Instant getFirstSeen() {
    return node.firstSeen();
  }

  @Description("How the job connecting it to the queried dataset processes it: BATCH or STREAMING")
  public String getUsageType() {
    return reached == null || reached.via() == null || reached.via().isDataset()
        ? null
        : reached.via().processingType();
  }

  @Description("The job through which it was reached from the queried dataset")
  public String getVia() {
    return reached == null || reached.via() == null || reached.via().isDataset()
        ? null
        : reached.via().name();
  }

  @Description("Hops from the queried dataset; null for the queried dataset itself")
  public Integer getDistance() {
    return reached == null ? null : reached.distance();
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

  @Description(
      "Other names it answers to in dataset(name:): a provisioned dataset's platform name and"
          + " <domain>/<name>")
  @NonNull
  public List<@NonNull String> getAliases() {
    return node.aliases();
  }

  @Description("When the platform deprovisioned its storage; null while it exists")
  public Instant getDeletedAt() {
    return node.deletedAt();
  }
}
