package io.meshwork.lineage.graph;

/**
 * A field reached from another through column lineage, {@code distance} transformations away;
 * {@code job} made the last step with {@code transformations} (OpenLineage's JSON array).
 */
public record ColumnReached(
    Node dataset,
    String field,
    int distance,
    Direction direction,
    Node job,
    String transformations) {}
