package io.meshwork.events.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * An outbox event as a row, for a service that writes a state change and its events in one SQL
 * statement of its own (a hot path over plain JDBC) instead of through {@link Outbox#publish}. The
 * caller binds it into its statement with {@link #COLUMNS} and {@link #PARAMETERS} and, once its
 * transaction committed, calls {@link Outbox#relayCommitted()}.
 */
public record OutboxRow(
    UUID id,
    String eventType,
    String source,
    String topic,
    String eventKey,
    String subject,
    String payload,
    Instant occurredAt) {

  /** {@code outbox_event (...)}: the table and the columns {@link #bind} fills, in order. */
  public static final String COLUMNS =
      "outbox_event (id, event_type, source, topic, event_key, subject, payload, occurred_at)";

  /** One row's placeholders, in the order of {@link #COLUMNS}, typed for use in a SELECT too. */
  public static final String PARAMETERS = "?::uuid, ?, ?, ?, ?, ?, ?, ?::timestamptz";

  /** {@code INSERT INTO outbox_event (...) VALUES (...), ...} for {@code rows} rows. */
  public static String insert(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("at least one row");
    }
    return "INSERT INTO "
        + COLUMNS
        + " VALUES "
        + String.join(", ", Collections.nCopies(rows, "(" + PARAMETERS + ")"));
  }

  /** Binds the rows' values from parameter {@code first} on; returns the next free index. */
  public static int bind(PreparedStatement statement, int first, List<OutboxRow> rows)
      throws SQLException {
    int index = first;
    for (OutboxRow row : rows) {
      statement.setObject(index++, row.id);
      statement.setString(index++, row.eventType);
      statement.setString(index++, row.source);
      statement.setString(index++, row.topic);
      statement.setString(index++, row.eventKey);
      statement.setString(index++, row.subject);
      statement.setString(index++, row.payload);
      statement.setObject(index++, row.occurredAt.atOffset(ZoneOffset.UTC));
    }
    return index;
  }
}
