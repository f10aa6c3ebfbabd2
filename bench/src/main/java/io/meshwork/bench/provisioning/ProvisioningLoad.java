package io.meshwork.bench.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.bench.support.Load;
import io.meshwork.bench.support.ServiceSettings;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Load harness for provisioning-service on the real servers (./meshwork bench provisioning).
 *
 * <p>N datasets (half PostgreSQL tables, half Kafka topics), each timed from sending {@code POST
 * /api/v1/datasets} with {@code Prefer: wait=30} until its answer reports the dataset READY. Next
 * to each, in the same run and interleaved so the machine's drift hits both alike, the raw cost of
 * the same resource made directly: {@code CREATE SCHEMA IF NOT EXISTS} + {@code CREATE TABLE} with
 * the same columns and constraints over an open JDBC connection, or {@code Admin.createTopics} with
 * the same partitions and configs. Each sample, ours or raw, starts after the same short pause, so
 * neither meets the background work of the one before (the outbox relay, the broker's log writes).
 * Also, after the same pause, a trivial authenticated request (who-am-I): what any HTTP API pays
 * before its first statement, which with the raw DDL gives the floor no platform can go under. Then
 * a burst: the same mix sent by 8 clients at once, without pauses.
 */
public final class ProvisioningLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DATASETS = Integer.getInteger("bench.datasets", 200);
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 200);
  private static final int BURST_CLIENTS = 8;
  private static final long PAUSE_MILLIS = Long.getLong("bench.pause", 100);

  /** The same five fields the provisioning tests use: key, enum, decimal, range, timestamp. */
  private static final String FIELDS =
      """
      [
        {"name": "customer_id", "type": "string", "primaryKey": true, "pattern": "^CUST-[0-9]{4}$"},
        {"name": "segment", "type": "string", "required": true, "enum": ["gold", "silver"]},
        {"name": "lifetime_value", "type": "decimal(12,2)", "min": 0},
        {"name": "score", "type": "integer", "min": 1, "max": 100},
        {"name": "updated_at", "type": "timestamp", "required": true}
      ]
      """;

  /** What the provisioner creates for {@link #FIELDS}, written by hand. */
  private static final String RAW_COLUMNS =
      """
      (
        "customer_id" text NOT NULL CHECK ("customer_id"::text ~ '^CUST-[0-9]{4}$'),
        "segment" text NOT NULL CHECK ("segment"::text IN ('gold', 'silver')),
        "lifetime_value" numeric(12,2) CHECK ("lifetime_value" >= 0),
        "score" integer CHECK ("score" >= 1) CHECK ("score" <= 100),
        "updated_at" timestamp with time zone NOT NULL,
        PRIMARY KEY ("customer_id")
      )""";

  private ProvisioningLoad() {}

  public static void main(String[] args) throws Exception {
    try (ServiceEnvironment environment = ServiceEnvironment.create()) {
      ServiceProcess service =
          environment.start(
              "provisioning-service",
              ServiceSettings.of(
                  Map.of(
                      "QUARKUS_LOG_CONSOLE_LEVEL", "WARN",
                      "MESHWORK_PROVISIONING_DRIFT_INTERVAL", "1h")));
      String run = Fixtures.randomSuffix(6);
      String warehouse =
          environment
              .infra()
              .require("postgres.jdbc-url")
              .replaceFirst("/[^/?]+(\\?|$)", "/warehouse$1");
      try (Admin admin =
              Admin.create(
                  Map.of(
                      AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                      environment.infra().require("kafka.bootstrap-servers")));
          Connection raw =
              DriverManager.getConnection(
                  warehouse, environment.infra().require("postgres.user"), "")) {
        Platform platform = new Platform(service.baseUrl(), environment.tokens().user("mara"), run);
        Raw direct = new Raw(raw, admin, "bench_raw_" + run, "bench.raw." + run);
        // Warm-up: the JIT (a cold service is 2x slower), pools, the broker; not counted. Some of
        // it in bursts too: a request that finds every slot busy is worked on by the poll and a
        // worker, code that one request at a time never runs (the first burst would pay for its
        // class loading and compiling).
        for (int i = 0; i < WARM_UP; i++) {
          platform.provision(i % 2 == 0, "warm" + i);
          direct.create(i % 2 == 0, "warm" + i);
        }
        for (int i = 0; i < Math.max(1, WARM_UP / 50); i++) {
          burst(platform, direct, "warmburst" + i + "_", false);
        }
        long[][] platformNanos = {new long[DATASETS / 2], new long[DATASETS - DATASETS / 2]};
        long[][] rawNanos = {new long[DATASETS / 2], new long[DATASETS - DATASETS / 2]};
        long[] grantsNanos = new long[DATASETS / 2];
        long[] trivialNanos = new long[DATASETS / 2];
        for (int i = 0; i < DATASETS; i++) {
          boolean postgres = i % 2 == 0;
          int kind = postgres ? 0 : 1;
          String name = "ds" + i;
          // Alternate which goes first, so neither always meets a just-warmed server.
          if (i % 4 < 2) {
            pause();
            platformNanos[kind][i / 2] = platform.provision(postgres, name);
            pause();
            rawNanos[kind][i / 2] = direct.create(postgres, name);
          } else {
            pause();
            rawNanos[kind][i / 2] = direct.create(postgres, name);
            pause();
            platformNanos[kind][i / 2] = platform.provision(postgres, name);
          }
          if (postgres) {
            pause();
            grantsNanos[i / 2] = direct.createWithGrants(name);
            pause();
            trivialNanos[i / 2] = platform.trivial();
          }
        }
        report("PostgreSQL table", platformNanos[0], rawNanos[0]);
        report("Kafka topic", platformNanos[1], rawNanos[1]);
        report("all", concat(platformNanos[0], platformNanos[1]), concat(rawNanos[0], rawNanos[1]));
        report(
            "PostgreSQL table, raw incl. the roles, grants and comment the platform adds",
            platformNanos[0],
            grantsNanos);
        floor(trivialNanos, rawNanos[0], grantsNanos);
        burst(platform, direct, "burst", true);
        platform.deleteAll();
        direct.dropAll();
      } finally {
        service.close();
      }
    }
  }

  private static void pause() throws InterruptedException {
    Thread.sleep(PAUSE_MILLIS);
  }

  /** The same mix sent by several clients at once: queueing in the worker shows here. */
  private static void burst(Platform platform, Raw direct, String prefix, boolean report)
      throws Exception {
    int count = Math.max(BURST_CLIENTS, DATASETS / 5);
    ExecutorService clients = Executors.newFixedThreadPool(BURST_CLIENTS);
    try {
      List<Future<Long>> platformTimes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        boolean postgres = i % 2 == 0;
        String name = prefix + i;
        platformTimes.add(clients.submit(() -> platform.provision(postgres, name)));
      }
      long[] platformNanos = collect(platformTimes);
      List<Future<Long>> rawTimes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        boolean postgres = i % 2 == 0;
        String name = prefix + i;
        rawTimes.add(clients.submit(() -> direct.createConcurrently(postgres, name)));
      }
      long[] rawNanos = collect(rawTimes);
      if (report) {
        report("burst of " + count + " by " + BURST_CLIENTS + " clients", platformNanos, rawNanos);
      }
    } finally {
      clients.shutdownNow();
      clients.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static long[] collect(List<Future<Long>> futures) throws Exception {
    long[] nanos = new long[futures.size()];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = futures.get(i).get(2, TimeUnit.MINUTES);
    }
    return nanos;
  }

  private static void report(String what, long[] platform, long[] raw) {
    Load.Result ours = new Load.Result(platform.length, 0, 1, platform);
    Load.Result direct = new Load.Result(raw.length, 0, 1, raw);
    System.out.printf(
        "PROVISIONING %s (n=%d): POST -> READY p50 %.1f ms, p99 %.1f ms | raw p50 %.1f ms, p99 %.1f ms | ratio p50 %.2fx%n",
        what,
        platform.length,
        ours.percentileMillis(50),
        ours.percentileMillis(99),
        direct.percentileMillis(50),
        direct.percentileMillis(99),
        ours.percentileMillis(50) / direct.percentileMillis(50));
  }

  /**
   * The least any HTTP API could take for a table: one authenticated request that does nothing (GET
   * /api/v1/me, after the same pause), plus the raw DDL. Set against the raw DDL, it is the ratio
   * no platform on this machine can beat.
   */
  private static void floor(long[] trivial, long[] raw, long[] withGrants) {
    double http = new Load.Result(trivial.length, 0, 1, trivial).percentileMillis(50);
    double table = new Load.Result(raw.length, 0, 1, raw).percentileMillis(50);
    double grants = new Load.Result(withGrants.length, 0, 1, withGrants).percentileMillis(50);
    System.out.printf(
        "PROVISIONING floor: trivial authenticated GET p50 %.1f ms (p99 %.1f ms); + raw table %.1f ms"
            + " = %.2fx raw; + raw table with roles and grants %.1f ms = %.2fx raw, %.2fx raw with"
            + " grants%n",
        http,
        new Load.Result(trivial.length, 0, 1, trivial).percentileMillis(99),
        table,
        (http + table) / table,
        grants,
        (http + grants) / table,
        (http + grants) / grants);
  }

  private static long[] concat(long[] a, long[] b) {
    long[] all = new long[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Datasets through the service's API, as a domain owner would request them. */
  private record Platform(String base, String token, String run, List<String> made) {

    Platform(String base, String token, String run) {
      this(base, token, run, Collections.synchronizedList(new ArrayList<>()));
    }

    long provision(boolean postgres, String name) {
      String dataset = "b" + run + "_" + name;
      made.add(dataset);
      String body =
          "{\"name\":\""
              + dataset
              + "\",\"domain\":\"marketing\",\"storage\":\""
              + (postgres ? "postgres://warehouse" : "kafka://")
              + "\",\"schemaDefinition\":"
              + FIELDS
              + "}";
      long start = System.nanoTime();
      String answer =
          Load.send(
              Load.post(base + "/api/v1/datasets", body)
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .header("Prefer", "wait=30"));
      long took = System.nanoTime() - start;
      JsonNode state = parse(answer).path("state");
      if (!"READY".equals(state.asText())) {
        throw new IllegalStateException(dataset + " ended " + state + ": " + answer);
      }
      return took;
    }

    /** A request that does no work: who-am-I, authenticated like the POST. */
    long trivial() {
      long start = System.nanoTime();
      Load.send(Load.get(base + "/api/v1/me").header("Authorization", "Bearer " + token));
      return System.nanoTime() - start;
    }

    /** Removes what the run made, untimed, so the test servers do not fill up. */
    void deleteAll() {
      for (String dataset : made) {
        Load.send(
            Load.delete(base + "/api/v1/datasets/marketing/" + dataset)
                .header("Authorization", "Bearer " + token));
      }
      for (String dataset : made) {
        Load.send(
            Load.get(base + "/api/v1/datasets/marketing/" + dataset + "?wait=60")
                .header("Authorization", "Bearer " + token));
      }
    }

    private static JsonNode parse(String json) {
      try {
        return JSON.readTree(json);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The same resources made directly, without the platform. */
  private static final class Raw {
    private final Connection connection;
    private final Admin admin;
    private final String schema;
    private final String topicPrefix;
    private final List<String> topics = Collections.synchronizedList(new ArrayList<>());
    private final List<String> roles = new ArrayList<>();

    Raw(Connection connection, Admin admin, String schema, String topicPrefix) {
      this.connection = connection;
      this.admin = admin;
      this.schema = schema;
      this.topicPrefix = topicPrefix;
    }

    long create(boolean postgres, String name) throws Exception {
      long start = System.nanoTime();
      if (postgres) {
        try (Statement ddl = connection.createStatement()) {
          ddl.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
          ddl.execute("CREATE TABLE " + schema + "." + name + " " + RAW_COLUMNS);
        }
      } else {
        topic(name);
      }
      return System.nanoTime() - start;
    }

    /**
     * The table with everything the platform adds around it, in one transaction: the domain's owner
     * role and its grant, ownership, a comment, a read-only role and its grants.
     */
    long createWithGrants(String name) throws Exception {
      String table = schema + ".g_" + name;
      String reader = schema + "_g_" + name + "_reader";
      long start = System.nanoTime();
      connection.setAutoCommit(false);
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        ddl.execute(
            "DO $$BEGIN CREATE ROLE bench_owner NOLOGIN; EXCEPTION WHEN duplicate_object THEN"
                + " NULL; END$$");
        ddl.execute("GRANT USAGE, CREATE ON SCHEMA " + schema + " TO bench_owner");
        ddl.execute("CREATE TABLE " + table + " " + RAW_COLUMNS);
        ddl.execute("ALTER TABLE " + table + " OWNER TO bench_owner");
        ddl.execute("COMMENT ON TABLE " + table + " IS 'Meshwork dataset, raw'");
        ddl.execute("CREATE ROLE " + reader + " NOLOGIN");
        ddl.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + reader);
        ddl.execute("GRANT SELECT ON " + table + " TO " + reader);
        connection.commit();
      } finally {
        connection.setAutoCommit(true);
      }
      roles.add(reader);
      return System.nanoTime() - start;
    }

    /** For the burst: each client its own connection, as each worker has. */
    long createConcurrently(boolean postgres, String name) throws Exception {
      if (!postgres) {
        return create(false, name);
      }
      try (Connection own =
          DriverManager.getConnection(
              connection.getMetaData().getURL(), connection.getMetaData().getUserName(), "")) {
        long start = System.nanoTime();
        try (Statement ddl = own.createStatement()) {
          ddl.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
          ddl.execute("CREATE TABLE " + schema + "." + name + " " + RAW_COLUMNS);
        }
        return System.nanoTime() - start;
      }
    }

    private void topic(String name) throws Exception {
      NewTopic topic =
          new NewTopic(topicPrefix + "." + name, 3, (short) 1)
              .configs(
                  Map.of(
                      TopicConfig.RETENTION_MS_CONFIG,
                      Long.toString(TimeUnit.DAYS.toMillis(7)),
                      TopicConfig.CLEANUP_POLICY_CONFIG,
                      "delete"));
      admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
      topics.add(topic.name());
    }

    void dropAll() throws Exception {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        for (String role : roles) {
          ddl.execute("DROP ROLE IF EXISTS " + role);
        }
      }
      admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
    }
  }
}
