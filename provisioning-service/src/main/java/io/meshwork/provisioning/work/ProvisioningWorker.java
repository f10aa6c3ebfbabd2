package io.meshwork.provisioning.work;

import io.agroal.api.AgroalDataSource;
import io.meshwork.provisioning.config.ProvisioningConfig;
import io.meshwork.provisioning.dataset.Dataset;
import io.meshwork.provisioning.schema.FieldSpec;
import io.meshwork.provisioning.storage.ProvisioningContext;
import io.meshwork.provisioning.storage.ResourceLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs provisioning work, at most {@code threads} datasets at a time per instance, each in a {@link
 * WorkSession} that holds the dataset's lock. A new request with a known schema claims a slot and
 * its work with its own statement ({@link #claimNew}); its work then runs on the request's thread
 * when the caller waits for the outcome, else on a worker. A request or deletion that finds every
 * slot busy waits in line here and gets the next freed slot, before any newer request. Everything
 * else (retries that came due, work of other instances' lines, work left by a crash) is found by a
 * poll, woken when work ends and at an interval.
 */
@ApplicationScoped
public class ProvisioningWorker {

  private static final Logger LOG = Logger.getLogger(ProvisioningWorker.class);

  /** Due datasets listed per poll, per slot. */
  private static final int DUE_BATCH = 4;

  private final AgroalDataSource dataSource;
  private final EntityManager entityManager;
  private final ProvisioningRun run;
  private final ProvisioningSteps steps;
  private final ProvisioningConfig.Worker config;
  private final WorkSignal signal;
  private final Semaphore slots;
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

  /** Datasets stored or deleted here while every slot was busy, oldest first. */
  private final Queue<UUID> waiting = new ConcurrentLinkedQueue<>();

  private final AtomicBoolean pollPending = new AtomicBoolean();
  private ExecutorService workers;
  private ScheduledExecutorService poller;

  public ProvisioningWorker(
      AgroalDataSource dataSource,
      EntityManager entityManager,
      ProvisioningRun run,
      ProvisioningSteps steps,
      ProvisioningConfig config,
      WorkSignal signal) {
    this.dataSource = dataSource;
    this.entityManager = entityManager;
    this.run = run;
    this.steps = steps;
    this.config = config.worker();
    this.signal = signal;
    this.slots = new Semaphore(this.config.threads());
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
   * A free slot and a session for a new dataset's work, with what it plans to create, or empty when
   * no slot is free or the plan cannot be made now (the worker takes the dataset up later). The
   * caller stores the request on the claim's session, which takes the dataset's lock with it.
   */
  public Optional<WorkClaim> claimNew(Dataset dataset, List<FieldSpec> fields) {
    // A new request does not pass datasets that wait for a slot already.
    if (workers == null || !waiting.isEmpty() || !slots.tryAcquire()) {
      return Optional.empty();
    }
    ProvisioningContext context;
    List<ResourceLedger.Planned> planned;
    try {
      context = run.context(dataset, fields);
      planned = steps.plan(context);
    } catch (RuntimeException e) {
      slots.release();
      LOG.debugf("No plan for %s/%s now: %s", dataset.domain, dataset.name, e.getMessage());
      return Optional.empty();
    }
    try {
      return Optional.of(
          new WorkClaim(WorkSession.open(dataSource, slots), dataset, context, planned));
    } catch (SQLException e) {
      LOG.debugf("No work session now: %s", e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Carries out a claimed dataset's work on this thread; answers the dataset once READY, or empty
   * when it failed or waits for another attempt (the database says which).
   */
  public Optional<Dataset> runHere(WorkClaim claim) {
    UUID id = claim.dataset().id;
    inFlight.add(id);
    WorkSession session = claim.session();
    try (session) {
      return run.provision(claim);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Work on dataset %s failed unexpectedly", id);
      return Optional.empty();
    } finally {
      inFlight.remove(id);
      signal.workDone();
      next();
    }
  }

  /** Carries out a claimed dataset's work on a worker. */
  public void runInBackground(WorkClaim claim) {
    try {
      workers.execute(() -> runHere(claim));
    } catch (RejectedExecutionException shuttingDown) {
      // The dataset stays PROVISIONING; whoever runs next resumes it.
      claim.session().close();
    }
  }

  /**
   * Starts work on a dataset whose request or deletion just committed, on a free slot at once; when
   * all are busy it waits for the next poll like any other due work.
   */
  public void start(UUID id) {
    if (!dispatch(id)) {
      waiting.add(id);
      wake();
    }
  }

  /** A slot was freed: the dataset waiting longest here gets it, then the poll looks for more. */
  private void next() {
    for (UUID id = waiting.peek(); id != null && dispatch(id); id = waiting.peek()) {
      waiting.remove(id);
    }
    wake();
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
      List<UUID> due = due();
      if (due.size() < DUE_BATCH * config.threads()) {
        // All due work is listed: what waits here but is not due any more was done elsewhere.
        waiting.retainAll(new HashSet<>(due));
      }
      for (UUID id : due) {
        if (dispatch(id)) {
          waiting.remove(id);
        } else if (slots.availablePermits() == 0) {
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("Looking for provisioning work failed, will retry: %s", e.getMessage());
    }
  }

  /** Hands the dataset to a worker if a slot is free and it is not at work here already. */
  private boolean dispatch(UUID id) {
    if (workers == null || !slots.tryAcquire()) {
      return false;
    }
    if (!inFlight.add(id)) {
      slots.release();
      return false;
    }
    try {
      workers.execute(() -> work(id));
      return true;
    } catch (RejectedExecutionException shuttingDown) {
      inFlight.remove(id);
      slots.release();
      return false;
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
                            // Work claimed just now is under way (its lock says so): looking at it
                            // would cost a lock attempt, or a claim if it just finished.
                            + " and (d.state <> 'PROVISIONING' or d.nextAttemptAt is not null"
                            + " or d.updatedAt < :claimedBefore)"
                            + " order by d.updatedAt",
                        UUID.class)
                    .setParameter("claimedBefore", Instant.now().minus(config.resumeAfter()))
                    .setMaxResults(DUE_BATCH * config.threads())
                    .getResultList());
  }

  /** Work found by the poll or started by a request, on a slot already taken. */
  private void work(UUID id) {
    waiting.remove(id);
    try (WorkSession session = WorkSession.open(dataSource, slots)) {
      if (session.tryLock(id)) {
        run.run(session, id); // else another instance is on it
      }
    } catch (SQLException e) {
      LOG.warnf("Cannot lock dataset %s for work: %s", id, e.getMessage());
    } catch (RuntimeException e) {
      LOG.errorf(e, "Work on dataset %s failed unexpectedly", id);
    } finally {
      inFlight.remove(id);
      signal.workDone();
      next();
    }
  }
}
