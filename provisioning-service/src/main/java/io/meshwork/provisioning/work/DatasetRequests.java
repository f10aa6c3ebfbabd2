package io.meshwork.provisioning.work;

import io.agroal.api.AgroalDataSource;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.events.outbox.OutboxRow;
import io.meshwork.events.provisioning.DatasetProvisioningStarted;
import io.meshwork.events.provisioning.DatasetRequested;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.provisioning.dataset.Dataset;
import io.meshwork.provisioning.storage.ResourceLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores a new dataset request in one statement, one round trip: the dataset, the Idempotency-Key
 * it came with, its requested event and, when its work is claimed at once, its planned resources
 * (PENDING), its started event and the dataset's work lock. All of it or none: a name or a key
 * already taken refuses the whole statement ({@link NameTaken}), and the caller answers as for a
 * repeat.
 */
@ApplicationScoped
public class DatasetRequests {

  private static final String UNIQUE_VIOLATION = "23505";

  private final AgroalDataSource dataSource;
  private final Outbox outbox;

  public DatasetRequests(AgroalDataSource dataSource, Outbox outbox) {
    this.dataSource = dataSource;
    this.outbox = outbox;
  }

  /** The name, or the Idempotency-Key, is taken already. */
  public static final class NameTaken extends Exception {
    NameTaken(SQLException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  /** An Idempotency-Key as used: by whom, and the hash of the request it came with. */
  public record KeyUse(String caller, String key, String requestHash) {}

  /**
   * Inserts {@code dataset} (REQUESTED, or PROVISIONING in attempt 1 when {@code claim} is given).
   * With a claim, the statement runs on the claim's session and takes the dataset's lock there; the
   * caller relays the events once the work settles. Without, the events are relayed at once.
   *
   * @return whether the claim holds the dataset's lock now (false without a claim)
   */
  public boolean insert(
      Dataset dataset, Optional<KeyUse> key, Optional<WorkClaim> claim, DatasetRequested requested)
      throws NameTaken {
    List<OutboxRow> events = new ArrayList<>();
    String subject = dataset.domain + "/" + dataset.name;
    events.add(
        outbox.row(
            ProvisioningEvents.DATASET_REQUESTED, dataset.id.toString(), subject, requested));
    if (claim.isPresent()) {
      events.add(
          outbox.row(
              ProvisioningEvents.DATASET_PROVISIONING_STARTED,
              dataset.id.toString(),
              subject,
              new DatasetProvisioningStarted(
                  dataset.id,
                  dataset.domain,
                  dataset.name,
                  dataset.storage,
                  dataset.attempts,
                  dataset.updatedAt)));
    }
    List<ResourceLedger.Planned> planned = claim.map(WorkClaim::planned).orElse(List.of());
    String sql = sql(key.isPresent(), planned.size(), events.size(), claim.isPresent());
    try {
      if (claim.isPresent()) {
        return execute(
            claim.get().session().connection(), sql, dataset, key, planned, events, true);
      }
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        execute(connection, sql, dataset, key, planned, events, false);
      }
      outbox.relayCommitted();
      return false;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new NameTaken(e);
      }
      throw new IllegalStateException("storing the dataset request failed: " + e.getMessage(), e);
    }
  }

  private static boolean execute(
      Connection connection,
      String sql,
      Dataset dataset,
      Optional<KeyUse> key,
      List<ResourceLedger.Planned> planned,
      List<OutboxRow> events,
      boolean lock)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      OffsetDateTime created = utc(dataset.createdAt);
      int i = 1;
      statement.setObject(i++, dataset.id);
      statement.setString(i++, dataset.domain);
      statement.setString(i++, dataset.name);
      statement.setString(i++, dataset.storage);
      statement.setString(i++, dataset.schemaUrn);
      statement.setString(i++, dataset.state.name());
      statement.setString(i++, dataset.requestedBy);
      statement.setString(i++, dataset.spec);
      statement.setString(i++, dataset.resolvedSchema);
      statement.setString(i++, dataset.lastError);
      statement.setInt(i++, dataset.attempts);
      statement.setObject(i++, created);
      statement.setObject(i++, utc(dataset.updatedAt));
      if (key.isPresent()) {
        statement.setString(i++, key.get().caller());
        statement.setString(i++, key.get().key());
        statement.setString(i++, key.get().requestHash());
        statement.setObject(i++, dataset.id);
        statement.setObject(i++, created);
      }
      for (int r = 0; r < planned.size(); r++) {
        ResourceLedger.Planned resource = planned.get(r);
        // One microsecond apart: the ledger lists a dataset's resources in the order noted.
        OffsetDateTime noted = created.plus(r, ChronoUnit.MICROS);
        statement.setObject(i++, UUID.randomUUID());
        statement.setObject(i++, dataset.id);
        statement.setString(i++, resource.kind().name());
        statement.setString(i++, resource.name());
        statement.setString(i++, resource.uri());
        statement.setObject(i++, noted);
        statement.setObject(i++, noted);
      }
      i = OutboxRow.bind(statement, i, events);
      if (lock) {
        statement.setLong(i, WorkSession.lockKey(dataset.id));
      }
      statement.execute();
      // The lock's answer is the only result set, the last result.
      boolean locked = false;
      do {
        ResultSet result = statement.getResultSet();
        if (result != null) {
          try (result) {
            locked = result.next() && result.getBoolean(1);
          }
        }
      } while (statement.getMoreResults() || statement.getUpdateCount() != -1);
      return locked;
    }
  }

  private static String sql(boolean key, int resources, int events, boolean claim) {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO dataset (id, domain, name, storage, schema_urn, state, requested_by, spec,"
                + " resolved_schema, last_error, attempts, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);\n");
    if (key) {
      sql.append(
          "INSERT INTO idempotency_key (caller, key, request_hash, dataset_id, created_at)"
              + " VALUES (?, ?, ?, ?, ?);\n");
    }
    if (resources > 0) {
      sql.append(
              "INSERT INTO dataset_resource (id, dataset_id, kind, name, uri, status, details,"
                  + " created_at, updated_at) VALUES ")
          .append(
              String.join(
                  ", ", Collections.nCopies(resources, "(?, ?, ?, ?, ?, 'PENDING', '{}', ?, ?)")))
          .append(";\n");
    }
    sql.append(OutboxRow.insert(events));
    if (claim) {
      sql.append(";\nSELECT pg_try_advisory_lock(?)");
    }
    return sql.toString();
  }

  /** Timestamps as the database keeps them: microseconds, UTC. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
