package io.meshwork.provisioning.work;

import io.agroal.api.AgroalDataSource;
import io.meshwork.provisioning.config.ProvisioningConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs due provisioning work in the background. A dataset is worked on while its PostgreSQL
 * advisory lock is held on a dedicated connection: if the process dies, the database closes the
 * connection and releases the lock, so the work is picked up again at once on restart (or by
 * another instance), and two instances never work on the same dataset. A new request wakes the
 * worker; a poll catches everything else (retries that came due, work left by a crash).
 */
@ApplicationScoped
public class ProvisioningWorker {

  private static final Logger LOG = Logger.getLogger(ProvisioningWorker.class);

  private final AgroalDataSource dataSource;
  private final EntityManager entityManager;
  private final ProvisioningRun run;
  private final ProvisioningConfig.Worker config;
  private final WorkSignal signal;
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean pollPending = new AtomicBoolean();
  private ExecutorService workers;
  private ScheduledExecutorService poller;

  public ProvisioningWorker(
      AgroalDataSource dataSource,
      EntityManager entityManager,
      ProvisioningRun run,
      ProvisioningConfig config,
      WorkSignal signal) {
    this.dataSource = dataSource;
    this.entityManager = entityManager;
    this.run = run;
    this.config = config.worker();
    this.signal = signal;
  }

  void onStart(@Observes StartupEvent event) {
    workers =
        Executors.newFixedThreadPool(config.threads(), r -> new Thread(r, "provisioning-worker"));
    poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "provisioning-poller"));
    poller.scheduleWithFixedDelay(
        this::wake, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (poller != null) {
      poller.shutdownNow();
      workers.shutdown();
      try {
        workers.awaitTermination(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Starts work on a dataset whose request just committed, on a free worker at once; when all are
   * busy it waits for the next poll like any other due work.
   */
  public void start(UUID id) {
    if (workers != null && inFlight.size() < config.threads() && inFlight.add(id)) {
      try {
        workers.execute(() -> work(id));
      } catch (RejectedExecutionException shuttingDown) {
        inFlight.remove(id);
      }
    } else {
      wake();
    }
  }

  /** Looks for due work soon; wakes coalesce. */
  public void wake() {
    if (poller != null && pollPending.compareAndSet(false, true)) {
      try {
        poller.execute(this::poll);
      } catch (RejectedExecutionException shuttingDown) {
        pollPending.set(false);
      }
    }
  }

  private void poll() {
    pollPending.set(false);
    try {
      for (UUID id : due()) {
        if (inFlight.size() >= config.threads()) {
          return;
        }
        if (inFlight.add(id)) {
          workers.execute(() -> work(id));
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("Looking for provisioning work failed, will retry: %s", e.getMessage());
    }
  }

  private List<UUID> due() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createQuery(
                        "select d.id from Dataset d where d.state in ('REQUESTED', 'PROVISIONING', 'DEPROVISIONING')"
                            + " and (d.nextAttemptAt is null or d.nextAttemptAt <= current_timestamp)"
                            + " order by d.updatedAt",
                        UUID.class)
                    .setMaxResults(config.threads() * 4)
                    .getResultList());
  }

  private void work(UUID id) {
    try (Connection lock = dataSource.getConnection()) {
      if (!tryLock(lock, id)) {
        return; // another instance is on it
      }
      try {
        run.run(id);
      } finally {
        unlock(lock, id);
        signal.workDone();
      }
    } catch (SQLException e) {
      LOG.warnf("Cannot lock dataset %s for work: %s", id, e.getMessage());
    } catch (RuntimeException e) {
      LOG.errorf(e, "Work on dataset %s failed unexpectedly", id);
    } finally {
      inFlight.remove(id);
      wake();
    }
  }

  private static boolean tryLock(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, key(id));
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private static void unlock(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      statement.setLong(1, key(id));
      statement.execute();
    }
  }

  private static long key(UUID id) {
    return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
  }
}
