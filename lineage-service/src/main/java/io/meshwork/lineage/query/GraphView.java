package io.meshwork.lineage.query;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/** A lineage subgraph with jobs as nodes. */
@Name("LineageGraph")
@Description("The subgraph around a node, jobs included, as of a time")
public record GraphView(
    NodeView root,
    List<NodeView> nodes,
    List<EdgeView> edges,
    @Description("Nodes reached, before paging") int totalCount,
    @Description("True when nodes were left out: past `first`, or past the walk budget")
        boolean truncated) {}
