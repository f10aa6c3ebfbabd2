package io.meshwork.provisioning.work;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The right to work on one dataset: a slot of this instance's work, and the dataset's PostgreSQL
 * advisory lock held on a connection of its own, outside any transaction. If the process dies, the
 * database closes the connection and releases the lock, so the work is picked up again at once on
 * restart (or by another instance), and two instances never work on the same dataset. The
 * statements on a dataset's critical path run on this connection too, each in one round trip.
 */
public final class WorkSession implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WorkSession.class);

  private final Connection connection;
  private final Semaphore slots;
  private UUID locked;

  private WorkSession(Connection connection, Semaphore slots) {
    this.connection = connection;
    this.slots = slots;
  }

  /** Opens a session on a slot already taken from {@code slots}; gives the slot back on failure. */
  static WorkSession open(DataSource dataSource, Semaphore slots) throws SQLException {
    try {
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      return new WorkSession(connection, slots);
    } catch (SQLException | RuntimeException e) {
      slots.release();
      throw e;
    }
  }

  /** The session's connection, in auto-commit mode: one statement is one transaction. */
  public Connection connection() {
    return connection;
  }

  /** The lock key of a dataset. */
  public static long lockKey(UUID dataset) {
    return dataset.getMostSignificantBits() ^ dataset.getLeastSignificantBits();
  }

  /** Takes the dataset's lock if no one holds it. */
  boolean tryLock(UUID dataset) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, lockKey(dataset));
      try (ResultSet result = statement.executeQuery()) {
        if (result.next() && result.getBoolean(1)) {
          locked = dataset;
          return true;
        }
        return false;
      }
    }
  }

  /** A statement of the caller's took the dataset's lock on this connection. */
  public void lockedBy(UUID dataset) {
    locked = dataset;
  }

  /** A statement of the caller's released the lock (with the dataset's last state change). */
  public void unlockedBy(UUID dataset) {
    if (dataset.equals(locked)) {
      locked = null;
    }
  }

  public boolean holds(UUID dataset) {
    return dataset.equals(locked);
  }

  /** Releases the lock if still held, gives the connection back, and frees the slot. */
  @Override
  public void close() {
    try {
      if (locked != null) {
        unlock();
      }
      connection.close();
    } catch (SQLException e) {
      LOG.debugf("Closing a work session failed: %s", e.getMessage());
    } finally {
      locked = null;
      slots.release();
    }
  }

  private void unlock() throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      statement.setLong(1, lockKey(locked));
      statement.execute();
    } catch (SQLException e) {
      // A connection that may still hold the lock must not go back to the pool: end its session,
      // and the server releases the lock with it.
      connection.abort(Runnable::run);
      throw e;
    }
  }
}
