package io.meshwork.lineage.query;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/** What a change to a dataset reaches. */
@Name("Impact")
@Description(
    "Everything downstream of a dataset: datasets, jobs, data products, owners, domains, and the"
        + " access agreements (by access request id) whose consumers a change would reach")
public record ImpactView(
    DatasetView dataset,
    List<DatasetView> datasets,
    List<NodeView> jobs,
    List<String> dataProducts,
    List<String> owners,
    List<String> domains,
    List<String> agreements,
    boolean truncated) {}
