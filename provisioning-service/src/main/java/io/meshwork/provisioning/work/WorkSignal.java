package io.meshwork.provisioning.work;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Tells waiting readers that this instance finished a piece of work, so {@code GET ...?wait=}
 * answers the moment a dataset settles instead of on its next poll. Readers still re-read the
 * database after a bounded wait: another instance may have done the work.
 */
@ApplicationScoped
public class WorkSignal {

  private final Object monitor = new Object();
  private long generation;

  /** The current generation; read it before looking at the database. */
  public long generation() {
    synchronized (monitor) {
      return generation;
    }
  }

  void workDone() {
    synchronized (monitor) {
      generation++;
      monitor.notifyAll();
    }
  }

  /** Waits until work finishes after {@code seen} was read, or {@code max} passes. */
  public void awaitAfter(long seen, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (monitor) {
      long left;
      while (generation == seen && (left = deadline - System.nanoTime()) > 0) {
        try {
          monitor.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
