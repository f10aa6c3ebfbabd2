package io.meshwork.lineage.query;

import io.meshwork.lineage.graph.ColumnReached;
import io.meshwork.lineage.graph.Direction;
import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.graph.NodeKey;
import io.meshwork.lineage.graph.NodeKind;
import io.meshwork.lineage.graph.Walk;
import io.quarkus.security.Authenticated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * The lineage GraphQL API. The seed's query works as written: {@code dataset(name: "customer_360")
 * { upstream { name lastUpdated } downstream { name usageType } }}. Every query may say {@code
 * asOf} to see the graph as it was at that time.
 */
@GraphQLApi
@Authenticated
@HidesInternalFailures
public class LineageGraphQLApi {

  private final LineageQueries queries;

  public LineageGraphQLApi(LineageQueries queries) {
    this.queries = queries;
  }

  @Query("dataset")
  @Description(
      "A dataset by name (and namespace, when the name is used in several); null if unknown")
  public DatasetView dataset(
      @NonNull String name,
      String namespace,
      @Description("See the graph as it was at this time; now if not given") Instant asOf) {
    queries.catchUp();
    return queries
        .byName(NodeKind.DATASET, name, namespace)
        .map(node -> new DatasetView(node, null, asOf))
        .orElse(null);
  }

  @Description("Datasets this one is made from, up to `depth` hops away")
  public List<DatasetView> upstream(
      @Source DatasetView dataset, @DefaultValue("1") int depth, Integer first) {
    return page(dataset, Direction.UPSTREAM, depth, first, null).items();
  }

  @Description("Datasets made from this one, up to `depth` hops away")
  public List<DatasetView> downstream(
      @Source DatasetView dataset, @DefaultValue("1") int depth, Integer first) {
    return page(dataset, Direction.DOWNSTREAM, depth, first, null).items();
  }

  @Description("Upstream datasets a page at a time, for wide fan-ins")
  public DatasetPage upstreamPage(
      @Source DatasetView dataset, @DefaultValue("1") int depth, Integer first, String after) {
    return page(dataset, Direction.UPSTREAM, depth, first, after);
  }

  @Description("Downstream datasets a page at a time, for wide fan-outs")
  public DatasetPage downstreamPage(
      @Source DatasetView dataset, @DefaultValue("1") int depth, Integer first, String after) {
    return page(dataset, Direction.DOWNSTREAM, depth, first, after);
  }

  @Description("The subgraph around this dataset with jobs as nodes")
  public GraphView lineage(
      @Source DatasetView dataset,
      @DefaultValue("BOTH") Direction direction,
      @DefaultValue("1") int depth,
      Integer first) {
    return graph(dataset.node(), direction, depth, first, dataset.asOf);
  }

  @Query("lineage")
  @Description("The subgraph around a node (dataset:<ns>:<name> or job:<ns>:<name>), jobs as nodes")
  public GraphView lineage(
      @NonNull String nodeId,
      @DefaultValue("BOTH") Direction direction,
      @DefaultValue("1") int depth,
      Integer first,
      Instant asOf) {
    queries.catchUp();
    NodeKey key = NodeKey.parse(nodeId, "nodeId");
    return queries.find(key).map(node -> graph(node, direction, depth, first, asOf)).orElse(null);
  }

  @Query("columnLineage")
  @Description("Fields a dataset's field comes from (UPSTREAM) or feeds (DOWNSTREAM)")
  public List<ColumnView> columnLineage(
      @NonNull String dataset,
      @NonNull String field,
      String namespace,
      @DefaultValue("UPSTREAM") Direction direction,
      Integer depth,
      Instant asOf) {
    queries.catchUp();
    Node node = queries.byName(NodeKind.DATASET, dataset, namespace).orElse(null);
    if (node == null) {
      return List.of();
    }
    int hops = queries.depthOrMax(depth);
    List<ColumnView> views = new ArrayList<>();
    for (ColumnReached reached : queries.columns(node, field, direction, hops, asOf)) {
      views.add(new ColumnView(reached));
    }
    return views;
  }

  @Query("impact")
  @Description(
      "What a change to a dataset reaches: every downstream dataset and job, their data products,"
          + " owners and domains")
  public ImpactView impact(@NonNull String dataset, String namespace, Integer depth, Instant asOf) {
    queries.catchUp();
    Node node = queries.byName(NodeKind.DATASET, dataset, namespace).orElse(null);
    if (node == null) {
      return null;
    }
    int hops = queries.depthOrMax(depth);
    Walk walk = queries.walk(node, Direction.DOWNSTREAM, hops, asOf, false);
    List<DatasetView> datasets = new ArrayList<>();
    List<NodeView> jobs = new ArrayList<>();
    TreeSet<String> products = new TreeSet<>();
    TreeSet<String> owners = new TreeSet<>();
    TreeSet<String> domains = new TreeSet<>();
    TreeSet<String> agreements = new TreeSet<>();
    for (Walk.Reached reached : walk.reached()) {
      Node n = reached.node();
      if (n.isDataset()) {
        datasets.add(new DatasetView(n, reached, asOf));
      } else {
        jobs.add(new NodeView(n, reached));
        String agreement = AgreementNodes.accessRequest(n.namespace(), n.name());
        if (agreement != null) {
          agreements.add(agreement);
        }
      }
      if (n.dataProduct() != null) {
        products.add(n.dataProduct());
      }
      if (n.domain() != null) {
        domains.add(n.domain());
      }
      owners.addAll(n.owners());
    }
    return new ImpactView(
        new DatasetView(node, null, asOf),
        datasets,
        jobs,
        List.copyOf(products),
        List.copyOf(owners),
        List.copyOf(domains),
        List.copyOf(agreements),
        walk.truncated());
  }

  private DatasetPage page(
      DatasetView dataset, Direction direction, int depth, Integer first, String after) {
    int size = queries.pageSize(first);
    int offset = offset(after);
    int limit = (int) Math.min(Integer.MAX_VALUE, (long) offset + size);
    Walk walk =
        queries.walk(
            dataset.node(), direction, depth, dataset.asOf, false, NodeKind.DATASET, limit);
    List<Walk.Reached> datasets = walk.reached();
    List<DatasetView> items = new ArrayList<>();
    for (int i = offset; i < datasets.size(); i++) {
      items.add(new DatasetView(datasets.get(i).node(), datasets.get(i), dataset.asOf));
    }
    boolean more = walk.total() > limit;
    return new DatasetPage(
        items, walk.total(), more || walk.truncated(), more ? cursor(limit) : null);
  }

  private GraphView graph(Node root, Direction direction, int depth, Integer first, Instant asOf) {
    int size = queries.graphSize(first);
    Walk walk = queries.walk(root, direction, depth, asOf, true, null, size);
    List<Walk.Reached> kept = walk.reached();
    TreeSet<String> ids = new TreeSet<>();
    ids.add(root.key().id());
    List<NodeView> nodes = new ArrayList<>();
    for (Walk.Reached reached : kept) {
      ids.add(reached.node().key().id());
      nodes.add(new NodeView(reached.node(), reached));
    }
    List<EdgeView> edges =
        walk.links().stream()
            .filter(l -> ids.contains(l.source().key().id()) && ids.contains(l.target().key().id()))
            .map(EdgeView::new)
            .toList();
    return new GraphView(
        new NodeView(root, null),
        nodes,
        edges,
        walk.total(),
        walk.truncated() || kept.size() < walk.total());
  }

  private static String cursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String after) {
    if (after == null) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
      if (text.startsWith("offset:")) {
        int offset = Integer.parseInt(text.substring("offset:".length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // fall through to the error below
    }
    throw new io.meshwork.web.problem.MalformedRequestException(
        "lineage.cursor.invalid", "after is not a cursor this API returned: '" + after + "'");
  }
}
