package io.meshwork.bench.quality;

import io.meshwork.bench.support.Load;
import io.meshwork.bench.support.ServiceSettings;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.KeycloakTokens;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import io.meshwork.testing.TestKafka;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Quality suites over many real tables (./meshwork bench quality): {@code bench.datasets} tables of
 * {@code bench.rows} rows (default 1,000 x 100,000), each with a suite of five checks (row count
 * between, not null, unique, values between, freshness). Timed: every suite run once through {@code
 * POST /api/v1/quality/suites/{name}/runs}, one after another (stored, evented, metered). Beside
 * it, table by table in alternating order so neither side always finds the pages cached: the floor,
 * the five checks' SQL run directly over one open JDBC connection.
 */
public final class QualityLoad {

  private static final int DATASETS = Integer.getInteger("bench.datasets", 1000);
  private static final int ROWS = Integer.getInteger("bench.rows", 100_000);
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 50);
  private static final String DATABASE = "bench_quality";
  private static final String SCHEMA = "bq";

  /** Tables of one size share a prefix, so runs of another size make their own. */
  private static final String PREFIX = "bq" + ROWS + "_";

  private static final String TEMPLATE = SCHEMA + ".template_" + ROWS;

  private static final String SUITE =
      """
      validations:
        - name: bench
          expectations:
            - expect_table_row_count_to_be_between: {min_value: 1, max_value: 1000000}
            - expect_column_values_to_not_be_null: {column: id}
            - expect_column_values_to_be_unique: {column: email}
            - expect_column_values_to_be_between: {column: amount, min_value: 0, max_value: 1000}
            - expect_table_data_to_be_fresh: {column: updated_at, max_age: 24h}
      """;

  private QualityLoad() {}

  public static void main(String[] args) throws Exception {
    try (ServiceEnvironment environment = ServiceEnvironment.create()) {
      String user = environment.infra().require("postgres.user");
      createDatabase(environment, user);
      try (Connection warehouse =
          DriverManager.getConnection(environment.jdbcUrl(DATABASE), user, "")) {
        tables(warehouse);
        ServiceProcess contracts =
            environment.start(
                "contract-registry",
                ServiceSettings.of(
                    Map.of(
                        "QUARKUS_LOG_CONSOLE_LEVEL", "WARN",
                        "MESHWORK_CONTRACTS_OBSERVABILITY_TICK", "1h")));
        try (contracts) {
          KeycloakTokens tokens = environment.tokens();
          String run = UUID.randomUUID().toString().substring(0, 6);
          String token = tokens.user("finn");
          for (int i = 0; i < DATASETS; i++) {
            announce(environment, PREFIX + i);
          }
          for (int i = 0; i < DATASETS; i++) {
            if (i % 200 == 0) {
              token = tokens.user("finn");
            }
            declare(contracts.baseUrl(), token, run, i);
          }
          measure(contracts.baseUrl(), tokens, warehouse, run);
        }
      }
    }
  }

  private static void measure(String base, KeycloakTokens tokens, Connection warehouse, String run)
      throws SQLException {
    String token = tokens.user("finn");
    for (int i = 0; i < Math.min(WARM_UP, DATASETS); i++) {
      runSuite(base, token, run, i);
      direct(warehouse, i);
    }
    long[] ours = new long[DATASETS];
    long[] floor = new long[DATASETS];
    for (int i = 0; i < DATASETS; i++) {
      if (i % 200 == 0) {
        token = tokens.user("finn");
      }
      if (i % 2 == 0) {
        ours[i] = runSuite(base, token, run, i);
        floor[i] = direct(warehouse, i);
      } else {
        floor[i] = direct(warehouse, i);
        ours[i] = runSuite(base, token, run, i);
      }
    }
    double oursTotal = Arrays.stream(ours).sum() / 1e9;
    double floorTotal = Arrays.stream(floor).sum() / 1e9;
    Load.Result a = new Load.Result(DATASETS, 0, oursTotal, ours);
    Load.Result b = new Load.Result(DATASETS, 0, floorTotal, floor);
    System.out.printf(
        "QUALITY %d datasets x %,d rows, 5 checks each: suites through the API %.1f s (per dataset"
            + " p50 %.1f ms, p99 %.1f ms) | the same SQL over JDBC %.1f s (p50 %.1f ms, p99 %.1f"
            + " ms) | ratio %.2fx (target <= 1.5x)%n",
        DATASETS,
        ROWS,
        oursTotal,
        a.percentileMillis(50),
        a.percentileMillis(99),
        floorTotal,
        b.percentileMillis(50),
        b.percentileMillis(99),
        oursTotal / floorTotal);
  }

  private static long runSuite(String base, String token, String run, int i) {
    long start = System.nanoTime();
    String answer =
        Load.send(
            Load.post(base + "/api/v1/quality/suites/bench-" + run + "-" + i + "/runs", "")
                .header("Authorization", "Bearer " + token));
    long took = System.nanoTime() - start;
    if (!answer.contains("\"outcome\":\"passed\"")) {
      throw new IllegalStateException("suite " + i + " did not pass: " + answer);
    }
    return took;
  }

  /** The five checks' statements, as the engine runs them, over one open connection. */
  private static long direct(Connection warehouse, int i) throws SQLException {
    String table = SCHEMA + "." + PREFIX + i;
    long start = System.nanoTime();
    try (Statement statement = warehouse.createStatement()) {
      for (String sql :
          new String[] {
            "SELECT count(*) FROM " + table,
            "SELECT count(*) FROM " + table + " WHERE id IS NULL",
            "SELECT count(email) - count(DISTINCT email) FROM " + table,
            "SELECT count(*) FROM "
                + table
                + " WHERE amount IS NOT NULL AND (amount < 0 OR amount > 1000)",
            "SELECT EXTRACT(EPOCH FROM (now() - max(updated_at)))::float8 FROM " + table
          }) {
        try (ResultSet result = statement.executeQuery(sql)) {
          result.next();
        }
      }
    }
    return System.nanoTime() - start;
  }

  private static void declare(String base, String token, String run, int i) {
    String url =
        base + "/api/v1/quality/suites/bench-" + run + "-" + i + "?dataset=sales/" + PREFIX + i;
    for (int attempt = 0; ; attempt++) {
      try {
        Load.send(
            Load.put(url, SUITE)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/yaml"));
        return;
      } catch (IllegalStateException notYetKnown) {
        if (attempt > 300 || !notYetKnown.getMessage().contains("unknown-dataset")) {
          throw notYetKnown;
        }
        sleep(100);
      }
    }
  }

  private static void announce(ServiceEnvironment environment, String table) {
    String payload =
        """
        {"datasetId":"%s","domain":"sales","name":"%s","storage":"postgres://",
         "schema":"urn:schema:%s/v1","resources":[{"kind":"POSTGRES_TABLE","name":"%s.%s",
         "uri":"postgres://%s/%s/%s","status":"CREATED"}],"provisionedAt":"%s"}
        """
            .formatted(
                UUID.randomUUID(),
                table,
                table,
                SCHEMA,
                table,
                DATABASE,
                SCHEMA,
                table,
                Instant.now());
    TestKafka.sendCloudEvent(
        environment.kafkaBootstrapServers(),
        environment.topicPrefix() + ProvisioningEvents.DATASET_TOPIC,
        "sales/" + table,
        UUID.randomUUID().toString(),
        ProvisioningEvents.DATASET_PROVISIONED.type(),
        "/meshwork/provisioning-service",
        payload);
  }

  /** Makes the tables once (a template, then copies); later runs reuse them. */
  private static void tables(Connection warehouse) throws SQLException {
    try (Statement statement = warehouse.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TEMPLATE
              + " AS SELECT g::bigint AS id,"
              + " 'c' || g || '@example.com' AS email, (g % 1000)::numeric(12,2) AS amount,"
              + " 'retail' AS segment, now() - (g % 3600) * interval '1 second' AS updated_at"
              + " FROM generate_series(1, "
              + ROWS
              + ") g");
      long started = System.nanoTime();
      int made = 0;
      for (int i = 0; i < DATASETS; i++) {
        try (ResultSet exists =
            statement.executeQuery(
                "SELECT to_regclass('" + SCHEMA + "." + PREFIX + i + "') IS NOT NULL")) {
          exists.next();
          if (exists.getBoolean(1)) {
            continue;
          }
        }
        statement.execute(
            "CREATE TABLE "
                + SCHEMA
                + "."
                + PREFIX
                + i
                + " AS TABLE "
                + SCHEMA
                + ".template_"
                + ROWS
                + "");
        made++;
      }
      statement.execute("VACUUM ANALYZE");
      System.out.printf(
          "QUALITY setup: %d of %d tables made in %.1f s%n",
          made, DATASETS, (System.nanoTime() - started) / 1e9);
    }
  }

  private static void createDatabase(ServiceEnvironment environment, String user)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection(environment.jdbcUrl(), user, "");
        Statement statement = connection.createStatement();
        ResultSet exists =
            statement.executeQuery(
                "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
