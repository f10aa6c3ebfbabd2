package io.meshwork.lineage.query;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/** One page of a wide fan-out. */
@Name("DatasetPage")
@Description("A page of datasets; pass nextCursor as `after` for the next one")
public record DatasetPage(
    List<DatasetView> items,
    int totalCount,
    @Description("True when more datasets exist than this page holds") boolean truncated,
    String nextCursor) {}
