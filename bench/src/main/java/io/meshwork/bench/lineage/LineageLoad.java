package io.meshwork.bench.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.bench.support.EventLoopLoad;
import io.meshwork.bench.support.Load;
import io.meshwork.bench.support.ServiceSettings;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/**
 * Load harness for lineage-service (./meshwork bench lineage) on a graph of a million edges.
 *
 * <p>Queries: the same roots walked upstream and downstream at depth 1, 5 and 20 three ways, side
 * by side: (a) through the GraphQL endpoint, (b) as the classic PostgreSQL {@code WITH RECURSIVE}
 * over the same edge table, (c) as a breadth-first search over adjacency arrays in this process,
 * the practical limit. Every GraphQL answer's count is checked against (c).
 *
 * <p>Intake: OpenLineage events per second sent one per request over 32 keep-alive connections (one
 * event loop drives them, as wrk does), next to a trivial authenticated GET driven the same way;
 * and in batches, against a plain JDBC batch insert of the same rows (raw event, nodes, edges) into
 * bare tables.
 */
public final class LineageLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EDGES = Integer.getInteger("bench.edges", 1_000_000);
  private static final int SAMPLES = Integer.getInteger("bench.samples", 200);
  private static final int RECURSIVE_TIMEOUT_MS = 30_000;
  private static final int[] DEPTHS = {1, 5, 20};
  private static final int BATCH = 200;
  private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 30);

  private LineageLoad() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    LayeredGraph graph = new LayeredGraph(EDGES);
    System.out.printf(
        "LINEAGE graph: %d edges, %d datasets, %d jobs, generated in %.1f s%n",
        graph.edgeCount, graph.datasetCount, graph.jobCount, (System.nanoTime() - t0) / 1e9);
    String apiKey = "bench-" + Fixtures.randomSuffix(12);
    try (ServiceEnvironment environment = ServiceEnvironment.create()) {
      Map<String, String> settings =
          ServiceSettings.of(
              Map.of(
                  "QUARKUS_LOG_CONSOLE_LEVEL", "WARN",
                  "MESHWORK_SERVICE_HEAP", "2g",
                  "MESHWORK_LINEAGE_QUERY_MAX_NODES", "5000000",
                  "MESHWORK_LINEAGE_INTAKE_API_KEYS", sha256(apiKey)));
      // First start creates the schema; then the graph is bulk-loaded and the service restarted.
      environment.start("lineage-service", settings).close();
      String jdbc = environment.jdbcUrl() + "?currentSchema=lineage";
      String user = environment.infra().require("postgres.user");
      try (Connection connection = DriverManager.getConnection(jdbc, user, "")) {
        long load = System.nanoTime();
        graph.load(connection);
        System.out.printf("LINEAGE bulk load (COPY): %.1f s%n", (System.nanoTime() - load) / 1e9);
      }
      long start = System.nanoTime();
      ServiceProcess service = environment.start("lineage-service", settings);
      System.out.printf(
          "LINEAGE service start with the graph loaded into memory: %.1f s%n",
          (System.nanoTime() - start) / 1e9);
      if (Boolean.getBoolean("bench.hold")) {
        // For profiling: the loaded service stays up for a while before any measurement.
        System.out.printf(
            "LINEAGE holding %s (API key %s) for 10 minutes%n", service.baseUrl(), apiKey);
        Thread.sleep(Duration.ofMinutes(10).toMillis());
      }
      try (Connection connection = DriverManager.getConnection(jdbc, user, "")) {
        queries(graph, service.baseUrl(), environment, connection);
        ColumnLineageQueries.run(
            graph, service.baseUrl(), environment.tokens().user("mara"), connection, SAMPLES);
        intake(service.baseUrl(), apiKey, connection);
      } finally {
        service.close();
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Queries
  // ------------------------------------------------------------------------------------------

  private static void queries(
      LayeredGraph graph, String base, ServiceEnvironment environment, Connection db)
      throws Exception {
    String token = environment.tokens().user("mara");
    Random random = new Random(7);
    int[] roots = new int[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      int[] layer = graph.datasetsOfLayer[8 + random.nextInt(8)];
      roots[i] = layer[random.nextInt(layer.length)];
    }
    LayeredGraph.Bfs bfs = graph.new Bfs();
    // Warm-up of the service's JIT and the HTTP path, for a fixed time (bench.warmup seconds);
    // not counted.
    long warmUntil = System.nanoTime() + Duration.ofSeconds(WARM_UP_SECONDS).toNanos();
    for (int i = 0; System.nanoTime() < warmUntil; i++) {
      graphql(base, token, roots[i % SAMPLES], graph, i % 10 == 9 ? 20 : DEPTHS[i % 2]);
    }
    long[] overhead = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      String query =
          "{ dataset(name: \""
              + graph.name(roots[i])
              + "\", namespace: \""
              + LayeredGraph.DATASET_NAMESPACE
              + "\") { name } }";
      long s = System.nanoTime();
      Load.send(post(base, token, query));
      overhead[i] = System.nanoTime() - s;
    }
    report("HTTP + GraphQL overhead (root lookup, no walk)", overhead);
    try (Statement setup = db.createStatement()) {
      setup.execute("SET statement_timeout = " + RECURSIVE_TIMEOUT_MS);
    }
    for (int depth : DEPTHS) {
      token = environment.tokens().user("mara");
      long[] ours = new long[SAMPLES];
      long[] memory = new long[SAMPLES];
      int mismatches = 0;
      long reached = 0;
      for (int i = 0; i < SAMPLES; i++) {
        int root = roots[i];
        long s = System.nanoTime();
        int up = bfs.datasetsReached(root, false, depth);
        int down = bfs.datasetsReached(root, true, depth);
        memory[i] = System.nanoTime() - s;
        reached += up + down;
        s = System.nanoTime();
        JsonNode answer = graphql(base, token, root, graph, depth);
        ours[i] = System.nanoTime() - s;
        JsonNode dataset = answer.path("data").path("dataset");
        if (dataset.path("upstreamPage").path("totalCount").asInt(-1) != up
            || dataset.path("downstreamPage").path("totalCount").asInt(-1) != down) {
          mismatches++;
        }
      }
      // The recursive CTE is slow enough that fewer samples are taken the deeper it goes.
      int recursiveSamples = Math.min(SAMPLES, depth == 1 ? 50 : depth == 5 ? 20 : 5);
      long[] recursive = new long[recursiveSamples];
      int timeouts = 0;
      for (int i = 0; i < recursiveSamples; i++) {
        long s = System.nanoTime();
        boolean done =
            recursive(db, roots[i] + 1L, false, depth) && recursive(db, roots[i] + 1L, true, depth);
        recursive[i] = System.nanoTime() - s;
        if (!done) {
          timeouts++;
        }
      }
      System.out.printf(
          "LINEAGE depth %d up+down: %.0f datasets reached on average; GraphQL counts differing from BFS: %d of %d%n",
          depth, reached / (double) SAMPLES, mismatches, SAMPLES);
      report("depth " + depth + " (a) GraphQL", ours);
      report(
          "depth "
              + depth
              + " (b) WITH RECURSIVE"
              + (timeouts > 0
                  ? " ("
                      + timeouts
                      + " hit the "
                      + RECURSIVE_TIMEOUT_MS / 1000
                      + " s timeout: lower bound)"
                  : ""),
          recursive);
      report("depth " + depth + " (c) in-memory BFS", memory);
      Load.Result a = result(ours);
      Load.Result b = result(recursive);
      Load.Result c = result(memory);
      Load.Result http = result(overhead);
      System.out.printf(
          "LINEAGE depth %d ratios: (a) p99 %.2f ms vs 5x(c) p99 + HTTP p99 = %.2f ms -> %s;"
              + " (b)/(a) p50 %.1fx, p99 %.1fx%n",
          depth,
          a.percentileMillis(99),
          5 * c.percentileMillis(99) + http.percentileMillis(99),
          a.percentileMillis(99) <= 5 * c.percentileMillis(99) + http.percentileMillis(99)
              ? "met"
              : "NOT met",
          b.percentileMillis(50) / a.percentileMillis(50),
          b.percentileMillis(99) / a.percentileMillis(99));
    }
  }

  private static JsonNode graphql(
      String base, String token, int root, LayeredGraph graph, int depth) {
    String query =
        "{ dataset(name: \""
            + graph.name(root)
            + "\", namespace: \""
            + LayeredGraph.DATASET_NAMESPACE
            + "\") {"
            + " upstreamPage(depth: "
            + depth
            + ", first: 100) { totalCount items { name } }"
            + " downstreamPage(depth: "
            + depth
            + ", first: 100) { totalCount items { name } } } }";
    return graphql(base, token, query);
  }

  static JsonNode graphql(String base, String token, String query) {
    try {
      return JSON.readTree(Load.send(post(base, token, query)));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Load.Call post(String base, String token, String query) {
    try {
      return Load.post(base + "/graphql", JSON.writeValueAsString(Map.of("query", query)))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The classic query: a recursive CTE over the edge table, {@code 2 * depth} edges deep. */
  private static boolean recursive(Connection db, long root, boolean downstream, int depth) {
    String from = downstream ? "e.target_id" : "e.source_id";
    String on = downstream ? "e.source_id" : "e.target_id";
    String sql =
        "WITH RECURSIVE walk(id, hops) AS (SELECT ?::bigint, 0 UNION"
            + " SELECT "
            + from
            + ", w.hops + 1 FROM lineage_edge e JOIN walk w ON "
            + on
            + " = w.id"
            + " WHERE w.hops < ? AND e.valid_to IS NULL)"
            + " SELECT count(DISTINCT w.id) FROM walk w JOIN lineage_node n ON n.id = w.id"
            + " WHERE n.kind = 'DATASET' AND w.id <> ?";
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, root);
      query.setInt(2, 2 * depth);
      query.setLong(3, root);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return true;
      }
    } catch (SQLException e) {
      if ("57014".equals(e.getSQLState())) {
        return false;
      }
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Intake
  // ------------------------------------------------------------------------------------------

  /** A COMPLETE run reading two datasets and writing one, with a schema facet; names recur. */
  /**
   * Events are made before the clock starts, so that the load generator (on the same two cores)
   * does not spend the service's CPU on formatting and random UUIDs while it is measured.
   */
  private static String[] events = new String[0];

  private static String event(int i) {
    return i < events.length ? events[i] : makeEvent(i);
  }

  private static String makeEvent(int i) {
    int job = i % 2000;
    String ns = "postgres://bench-ingest:5432";
    return """
        {"eventType":"COMPLETE","eventTime":"2026-11-25T%02d:%02d:%02d.%03dZ",
         "producer":"https://github.com/meshwork/bench","schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"%s"},
         "job":{"namespace":"bench-ingest","name":"job_%d","facets":{"jobType":{"_producer":"https://github.com/meshwork/bench","_schemaURL":"https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json","processingType":"BATCH","integration":"SPARK","jobType":"JOB"}}},
         "inputs":[{"namespace":"%s","name":"in_%d"},{"namespace":"%s","name":"in_%d"}],
         "outputs":[{"namespace":"%s","name":"out_%d","facets":{"schema":{"_producer":"https://github.com/meshwork/bench","_schemaURL":"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json","fields":[{"name":"id","type":"bigint"},{"name":"amount","type":"numeric"},{"name":"at","type":"timestamp"}]}}}]}
        """
        .formatted(
            (i / 3_600_000) % 24,
            (i / 60_000) % 60,
            (i / 1000) % 60,
            i % 1000,
            java.util.UUID.randomUUID(),
            job,
            ns,
            job % 500,
            ns,
            (job + 1) % 500,
            ns,
            job);
  }

  private static void intake(String base, String apiKey, Connection db) throws Exception {
    events = new String[Integer.getInteger("bench.events", 150_000)];
    for (int i = 0; i < events.length; i++) {
      events[i] = makeEvent(i);
    }
    java.util.concurrent.atomic.AtomicInteger counter =
        new java.util.concurrent.atomic.AtomicInteger();
    String authorization = "Bearer " + apiKey;
    Load.Result trivial;
    Load.Result single;
    Load.Result batches;
    try (EventLoopLoad load = new EventLoopLoad(base)) {
      load.run(4, Duration.ofSeconds(5), i -> single(authorization, counter.getAndIncrement()));
      // The ceiling of this machine and app for any authenticated request: who-am-I, no work.
      trivial =
          load.run(
              CLIENTS,
              Duration.ofSeconds(10),
              i -> EventLoopLoad.Request.get("/api/v1/me", authorization));
      System.out.printf(
          "LINEAGE baseline: trivial authenticated GET /api/v1/me, %d connections: %.0f requests/s"
              + " (p50 %.1f ms)%n",
          CLIENTS, trivial.perSecond(), trivial.percentileMillis(50));
      single =
          load.run(
              CLIENTS,
              Duration.ofSeconds(20),
              i -> single(authorization, counter.getAndIncrement()));
      System.out.printf(
          "LINEAGE intake, one event per POST, %d connections: %.0f events/s (p50 %.1f ms, p99 %.1f"
              + " ms, %d failures)%n",
          CLIENTS,
          single.perSecond(),
          single.percentileMillis(50),
          single.percentileMillis(99),
          single.failures());
      batches =
          load.run(2, Duration.ofSeconds(20), i -> batch(authorization, counter.getAndAdd(BATCH)));
    }
    double batchEvents = batches.perSecond() * BATCH;
    System.out.printf(
        "LINEAGE intake, batches of %d, 2 clients: %.0f events/s (batch p50 %.1f ms, %d failures)%n",
        BATCH, batchEvents, batches.percentileMillis(50), batches.failures());
    double raw = raw(db, counter.get());
    System.out.printf(
        "LINEAGE raw JDBC batch insert of the same rows (event, 3 nodes, 3 edges per event): %.0f events/s%n",
        raw);
    System.out.printf(
        "LINEAGE intake ratios: single %.0f events/s = %.2fx the trivial endpoint (target >= 2000:"
            + " %s); batches/raw %.2fx (target >= 0.3x: %s)%n",
        single.perSecond(),
        single.perSecond() / trivial.perSecond(),
        single.perSecond() >= 2000 ? "met" : "NOT met",
        batchEvents / raw,
        batchEvents / raw >= 0.3 ? "met" : "NOT met");
  }

  private static EventLoopLoad.Request single(String authorization, int i) {
    return EventLoopLoad.Request.postJson("/api/v1/lineage", authorization, event(i));
  }

  private static EventLoopLoad.Request batch(String authorization, int first) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < BATCH; i++) {
      body.append(i == 0 ? "" : ",").append(event(first + i));
    }
    return EventLoopLoad.Request.postJson(
        "/api/v1/lineage/batch", authorization, body.append(']').toString());
  }

  /** The rows the events carry, inserted with plain JDBC batches into bare tables, 20 s. */
  private static double raw(Connection db, int offset) throws Exception {
    try (Statement ddl = db.createStatement()) {
      ddl.execute("SET statement_timeout = 0");
      ddl.execute(
          "CREATE TABLE bench_raw_event (id bigserial PRIMARY KEY, event_time timestamptz, run_id uuid, payload jsonb)");
      ddl.execute(
          "CREATE TABLE bench_raw_node (id bigserial PRIMARY KEY, kind text, namespace text, name text)");
      ddl.execute(
          "CREATE TABLE bench_raw_edge (id bigserial PRIMARY KEY, source text, target text, valid_from timestamptz)");
    }
    db.setAutoCommit(false);
    long events = 0;
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long start = System.nanoTime();
    try (PreparedStatement event =
            db.prepareStatement(
                "INSERT INTO bench_raw_event (event_time, run_id, payload) VALUES (?::timestamptz, ?::uuid, ?::jsonb)");
        PreparedStatement node =
            db.prepareStatement(
                "INSERT INTO bench_raw_node (kind, namespace, name) VALUES (?, ?, ?)");
        PreparedStatement edge =
            db.prepareStatement(
                "INSERT INTO bench_raw_edge (source, target, valid_from) VALUES (?, ?, ?::timestamptz)")) {
      while (System.nanoTime() < end) {
        for (int i = 0; i < BATCH; i++) {
          String json = event(offset + (int) events + i);
          JsonNode parsed = JSON.readTree(json);
          event.setString(1, parsed.get("eventTime").asText());
          event.setString(2, parsed.get("run").get("runId").asText());
          event.setString(3, json);
          event.addBatch();
          String job = parsed.get("job").get("name").asText();
          node.setString(1, "JOB");
          node.setString(2, "bench-ingest");
          node.setString(3, job);
          node.addBatch();
          for (JsonNode input : parsed.get("inputs")) {
            node.setString(1, "DATASET");
            node.setString(2, input.get("namespace").asText());
            node.setString(3, input.get("name").asText());
            node.addBatch();
            edge.setString(1, input.get("name").asText());
            edge.setString(2, job);
            edge.setString(3, parsed.get("eventTime").asText());
            edge.addBatch();
          }
          JsonNode output = parsed.get("outputs").get(0);
          edge.setString(1, job);
          edge.setString(2, output.get("name").asText());
          edge.setString(3, parsed.get("eventTime").asText());
          edge.addBatch();
        }
        event.executeBatch();
        node.executeBatch();
        edge.executeBatch();
        db.commit();
        events += BATCH;
      }
    } finally {
      db.setAutoCommit(true);
    }
    return events / ((System.nanoTime() - start) / 1e9);
  }

  // ------------------------------------------------------------------------------------------

  static Load.Result result(long[] nanos) {
    return new Load.Result(nanos.length, 0, 1, nanos);
  }

  static void report(String what, long[] nanos) {
    Load.Result r = result(nanos);
    System.out.printf(
        "LINEAGE %s (n=%d): p50 %.2f ms, p99 %.2f ms%n",
        what, nanos.length, r.percentileMillis(50), r.percentileMillis(99));
  }

  private static String sha256(String key) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
  }
}
