package io.meshwork.provisioning.api;

import io.meshwork.provisioning.dataset.Dataset;
import io.meshwork.provisioning.storage.ResourceStatus;
import io.meshwork.provisioning.work.ProvisioningWorker;
import io.meshwork.provisioning.work.WorkClaim;
import io.meshwork.provisioning.work.WorkSignal;
import io.meshwork.web.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A dataset request from its body to its answer: checked, stored (with its work claimed when a
 * worker slot is free), then either worked on here (the caller waits anyway, {@code Prefer: wait})
 * or handed to a worker, and answered with the dataset as it then is.
 */
@ApplicationScoped
public class DatasetRequestService {

  /** How often a waiting reader looks again without a signal, for work done elsewhere. */
  private static final Duration OTHER_INSTANCES_POLL = Duration.ofMillis(200);

  /** The longest a request may wait for a dataset to settle. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private final DatasetService datasets;
  private final ProvisioningWorker worker;
  private final WorkSignal signal;

  public DatasetRequestService(
      DatasetService datasets, ProvisioningWorker worker, WorkSignal signal) {
    this.datasets = datasets;
    this.worker = worker;
    this.signal = signal;
  }

  /**
   * The answer to a create: whether it created the dataset, the dataset as shown, and the wait the
   * caller asked for (honoured, so the answer says so).
   */
  public record Answer(
      Dataset dataset, boolean created, DatasetResponse body, Optional<Duration> waited) {

    /** 200 for a repeat, 201 once settled when the caller waited, 202 while at work. */
    public int status() {
      if (!created) {
        return 200;
      }
      return waited.isPresent() && body.state().settled() ? 201 : 202;
    }
  }

  public Answer request(
      CreateDatasetRequest request,
      Optional<String> idempotencyKey,
      List<String> prefer,
      Caller caller) {
    long begin = System.nanoTime();
    DatasetService.Checked checked = datasets.check(request, caller);
    Optional<Duration> wait = PreferWait.of(prefer, MAX_WAIT);
    long before = signal.generation();
    DatasetService.Outcome outcome = datasets.create(checked, idempotencyKey, caller);
    Dataset dataset = outcome.dataset();
    if (outcome.claim().isPresent()) {
      WorkClaim claim = outcome.claim().get();
      if (wait.isEmpty()) {
        DatasetResponse body = datasets.describe(dataset, claim.resources(ResourceStatus.PENDING));
        worker.runInBackground(claim);
        return new Answer(dataset, true, body, wait);
      }
      // The caller waits anyway: the work runs here, without a hand-over and a read after it.
      DatasetResponse body =
          worker
              .runHere(claim)
              .map(ready -> datasets.describe(ready, claim.resources(ResourceStatus.CREATED)))
              .orElseGet(
                  () ->
                      awaitSettled(
                          dataset.domain,
                          dataset.name,
                          wait.get().minusNanos(System.nanoTime() - begin),
                          OptionalLong.empty()));
      return new Answer(dataset, true, body, wait);
    }
    if (outcome.created()) {
      worker.start(dataset.id);
    }
    DatasetResponse body =
        wait.isPresent()
            ? awaitSettled(
                dataset.domain,
                dataset.name,
                wait.get(),
                outcome.created() ? OptionalLong.of(before) : OptionalLong.empty())
            : datasets.describe(dataset);
    return new Answer(dataset, outcome.created(), body, wait);
  }

  /**
   * The dataset once settled (READY, FAILED, DELETED), or as it is when {@code wait} has passed.
   * Each look is its own transaction, so it sees what the worker committed meanwhile, and reads the
   * dataset and its resources together. This instance's worker signals when it finishes work; a
   * bounded wait covers other instances. {@code startedHere} is the signal's generation read before
   * this instance started work on the dataset: then the first look waits for the signal, as there
   * is nothing new to read before it.
   */
  public DatasetResponse awaitSettled(
      String domain, String name, Duration wait, OptionalLong startedHere) {
    long deadline = System.nanoTime() + wait.toNanos();
    if (startedHere.isPresent()) {
      signal.awaitAfter(
          startedHere.getAsLong(),
          Duration.ofNanos(Math.min(wait.toNanos(), OTHER_INSTANCES_POLL.toNanos())));
    }
    while (true) {
      long seen = signal.generation();
      Optional<DatasetResponse> answer =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    Dataset dataset = datasets.get(domain, name);
                    return dataset.state.settled() || System.nanoTime() >= deadline
                        ? Optional.of(datasets.describe(dataset))
                        : Optional.<DatasetResponse>empty();
                  });
      if (answer.isPresent()) {
        return answer.get();
      }
      long left = deadline - System.nanoTime();
      signal.awaitAfter(seen, Duration.ofNanos(Math.min(left, OTHER_INSTANCES_POLL.toNanos())));
    }
  }
}
