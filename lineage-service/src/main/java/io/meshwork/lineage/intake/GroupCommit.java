package io.meshwork.lineage.intake;

import io.meshwork.lineage.config.LineageConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Group commit: requests that arrive while a write is running are written together in the next
 * transaction, so eight pipelines posting one event each cost one transaction, not eight. A request
 * is answered only once its events are committed and in the graph. When the database refuses a
 * group, its events are written one by one, so each request gets its own outcome.
 */
@ApplicationScoped
public class GroupCommit {

  private static final Logger LOG = Logger.getLogger(GroupCommit.class);

  /** What became of each event of a request: null when written, else why not. */
  public record Outcome(List<SQLException> failures) {

    static Outcome allWritten(int events) {
      return new Outcome(Collections.nCopies(events, null));
    }
  }

  private record Pending(List<LineageEvent> events, CompletableFuture<Outcome> outcome) {}

  private final GraphWriter writer;
  private final LineageConfig config;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;

  public GroupCommit(GraphWriter writer, LineageConfig config) {
    this.writer = writer;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    for (int i = 0; i < config.intake().writers(); i++) {
      Thread thread = new Thread(this::loop, "lineage-writer-" + i);
      thread.setDaemon(true);
      thread.start();
      writers.add(thread);
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    writers.forEach(Thread::interrupt);
  }

  /** Queues the events to be written with whatever else is waiting; completes once committed. */
  public CompletableFuture<Outcome> submit(List<LineageEvent> events) {
    Pending pending = new Pending(events, new CompletableFuture<>());
    queue.add(pending);
    return pending.outcome();
  }

  /** Writes the events (with whatever else is waiting) and returns once they are committed. */
  public Outcome write(List<LineageEvent> events) {
    try {
      return submit(events).get(config.intake().timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing lineage", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Cannot write lineage events", e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Lineage write did not finish in time", e);
    }
  }

  private void loop() {
    List<Pending> group = new ArrayList<>();
    while (running) {
      try {
        group.add(queue.take());
        int events = group.get(0).events().size();
        Pending next;
        while (events < config.intake().maxGroup() && (next = queue.poll()) != null) {
          group.add(next);
          events += next.events().size();
        }
        writeGroup(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("Lineage group write failed", e);
        group.forEach(p -> p.outcome().completeExceptionally(e));
      } finally {
        group.clear();
      }
    }
  }

  private void writeGroup(List<Pending> group) {
    List<LineageEvent> all = new ArrayList<>();
    group.forEach(p -> all.addAll(p.events()));
    SQLException refused;
    try {
      writer.write(all);
      group.forEach(p -> p.outcome().complete(Outcome.allWritten(p.events().size())));
      return;
    } catch (SQLException e) {
      refused = e;
    }
    if (all.size() == 1) {
      // A group of one event already is that event written alone: nothing to retry.
      group.get(0).outcome().complete(new Outcome(Collections.singletonList(refused)));
      return;
    }
    LOG.debugf(
        "Group of %d events refused (%s); writing them one by one",
        all.size(), refused.getSQLState());
    for (Pending pending : group) {
      List<SQLException> failures = new ArrayList<>();
      for (LineageEvent event : pending.events()) {
        try {
          writer.write(List.of(event));
          failures.add(null);
        } catch (SQLException one) {
          failures.add(one);
        }
      }
      pending.outcome().complete(new Outcome(failures));
    }
  }
}
