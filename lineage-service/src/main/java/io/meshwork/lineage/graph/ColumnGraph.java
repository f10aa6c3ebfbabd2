package io.meshwork.lineage.graph;

import java.util.List;

/**
 * The column lineage around a dataset's field: the fields a walk reached (the root first) and the
 * column edges it followed, each an output field made by {@code job} from an input field with
 * {@code transformations} (OpenLineage's JSON array).
 */
public record ColumnGraph(List<Field> fields, List<Link> links) {

  /** A dataset's field. */
  public record Field(Node dataset, String name) {}

  public record Link(Field input, Field output, Node job, String transformations) {}
}
