package io.meshwork.bench.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the accepted writes became, counted in every service's own schema: each dataset READY (or
 * FAILED) in provisioning, its {@code provisioned} event handled once by each of the four consumers
 * (their inbox rows), its effect in catalog and lineage once, and every outbox drained.
 */
final class Convergence {

  static final String PROVISIONED = "io.meshwork.provisioning.dataset.provisioned.v1";
  static final Map<String, String> CONSUMERS =
      Map.of(
          "catalog", "catalog.provisioning-datasets",
          "contracts", "contracts.provisioning-datasets",
          "governance", "governance.provisioning-datasets",
          "lineage", "lineage.provisioning-datasets");
  private static final List<String> SCHEMAS =
      List.of("provisioning", "catalog", "contracts", "governance", "lineage");

  private final String jdbcUrl;

  Convergence(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** Counts after the writes; {@code lost} and {@code duplicated} are summed over consumers. */
  record Count(
      int datasets,
      int settled,
      int failed,
      int events,
      int lost,
      int duplicated,
      int halfWritten,
      long unpublished) {

    boolean converged() {
      return settled == datasets && lost == 0 && unpublished == 0;
    }
  }

  /** Polls until everything converged or {@code limit} passed; the time it took is returned. */
  Duration await(List<String> names, Duration limit) throws Exception {
    long start = System.nanoTime();
    long end = start + limit.toNanos();
    while (System.nanoTime() < end) {
      if (count(names).converged()) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      Thread.sleep(500);
    }
    return null;
  }

  Count count(List<String> names) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
      Array wanted = db.createArrayOf("varchar", names.toArray());
      Map<String, String> states = new LinkedHashMap<>();
      try (PreparedStatement query =
          db.prepareStatement(
              "SELECT id::text, state FROM provisioning.dataset"
                  + " WHERE domain = 'marketing' AND name = ANY(?)")) {
        query.setArray(1, wanted);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            states.put(rows.getString(1), rows.getString(2));
          }
        }
      }
      Array ids = db.createArrayOf("varchar", states.keySet().toArray());
      List<String> events = new ArrayList<>();
      int duplicated = 0;
      int halfWritten = 0;
      try (PreparedStatement query =
          db.prepareStatement(
              "SELECT event_key, count(*) FILTER (WHERE event_type = ?),"
                  + " array_agg(id::text) FILTER (WHERE event_type = ?),"
                  + " count(*) FILTER (WHERE event_type LIKE '%.requested.v1')"
                  + " FROM provisioning.outbox_event WHERE event_key = ANY(?) GROUP BY event_key")) {
        query.setString(1, PROVISIONED);
        query.setString(2, PROVISIONED);
        query.setArray(3, ids);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            duplicated += Math.max(0, rows.getInt(2) - 1);
            halfWritten += rows.getInt(4) == 1 ? 0 : 1;
            Array provisioned = rows.getArray(3);
            if (provisioned != null) {
              for (Object id : (Object[]) provisioned.getArray()) {
                if (id != null) {
                  events.add((String) id);
                }
              }
            }
          }
        }
      }
      halfWritten += states.size() - countKeys(db, ids);
      Array eventIds = db.createArrayOf("varchar", events.toArray());
      int lost = 0;
      for (Map.Entry<String, String> consumer : CONSUMERS.entrySet()) {
        lost +=
            events.size()
                - scalar(
                    db,
                    "SELECT count(*) FROM "
                        + consumer.getKey()
                        + ".processed_event WHERE consumer = ? AND event_id = ANY(?)",
                    consumer.getValue(),
                    eventIds);
      }
      duplicated += effectsBeyondOne(db, "catalog.dataset", "name", wanted);
      duplicated += effectsBeyondOne(db, "lineage.platform_dataset", "name", wanted);
      long unpublished = 0;
      for (String schema : SCHEMAS) {
        unpublished +=
            scalar(
                db, "SELECT count(*) FROM " + schema + ".outbox_event WHERE published_at IS NULL");
      }
      long ready = states.values().stream().filter("READY"::equals).count();
      long failed = states.values().stream().filter("FAILED"::equals).count();
      return new Count(
          names.size(),
          (int) (ready + failed),
          (int) failed,
          events.size(),
          lost,
          duplicated,
          halfWritten,
          unpublished);
    }
  }

  /** Datasets whose rows have no outbox events at all (written without their announcement). */
  private static int countKeys(Connection db, Array ids) throws SQLException {
    return scalar(
        db,
        "SELECT count(DISTINCT event_key) FROM provisioning.outbox_event WHERE event_key = ANY(?)",
        ids);
  }

  private static int effectsBeyondOne(Connection db, String table, String column, Array names)
      throws SQLException {
    return scalar(
        db,
        "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM "
            + table
            + " WHERE "
            + column
            + " = ANY(?) GROUP BY "
            + column
            + ") effects",
        names);
  }

  private static int scalar(Connection db, String sql, Object... values) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        query.setObject(i + 1, values[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
