package io.meshwork.lineage.query;

import io.meshwork.lineage.graph.ColumnReached;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A field reached through column lineage. */
@Name("ColumnLineage")
@Description("A dataset field that a field comes from (upstream) or feeds (downstream)")
public class ColumnView {

  private final ColumnReached reached;

  ColumnView(ColumnReached reached) {
    this.reached = reached;
  }

  @NonNull
  public String getDataset() {
    return reached.dataset().name();
  }

  @NonNull
  public String getNamespace() {
    return reached.dataset().namespace();
  }

  @NonNull
  public String getField() {
    return reached.field();
  }

  public int getDistance() {
    return reached.distance();
  }

  @NonNull
  public String getDirection() {
    return reached.direction().name();
  }

  @Description("The job that made this step")
  @NonNull
  public String getJob() {
    return reached.job().name();
  }

  @Description("OpenLineage transformations of this step, as JSON")
  @NonNull
  public String getTransformations() {
    return reached.transformations();
  }
}
