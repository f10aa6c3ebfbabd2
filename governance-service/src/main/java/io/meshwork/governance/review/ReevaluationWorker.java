package io.meshwork.governance.review;

import io.meshwork.governance.config.GovernanceConfig;
import io.meshwork.governance.evaluation.Evaluation;
import io.meshwork.governance.evaluation.EvaluationService;
import io.meshwork.governance.product.KnownProduct;
import io.meshwork.governance.product.ReevaluationQueue;
import io.meshwork.governance.rules.ProductDescriptor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Evaluates again, in batches, the products a policy change queued: each evaluation is stored (and
 * audited), and an open review round takes the new findings, going back to its team at once if a
 * hard mandate now fails.
 */
@ApplicationScoped
public class ReevaluationWorker {

  private static final Logger LOG = Logger.getLogger(ReevaluationWorker.class);

  private final ReevaluationQueue queue;
  private final EvaluationService evaluations;
  private final ReviewService reviews;
  private final int batchSize;

  public ReevaluationWorker(
      ReevaluationQueue queue,
      EvaluationService evaluations,
      ReviewService reviews,
      GovernanceConfig config) {
    this.queue = queue;
    this.evaluations = evaluations;
    this.reviews = reviews;
    this.batchSize = config.reevaluation().batchSize();
  }

  @Scheduled(
      every = "${meshwork.governance.reevaluation.interval:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void drain() {
    int done;
    do {
      done = QuarkusTransaction.requiringNew().call(this::batch);
    } while (done == batchSize);
  }

  private int batch() {
    List<Object[]> taken = queue.take(batchSize);
    for (Object[] row : taken) {
      String name = (String) row[0];
      KnownProduct product = KnownProduct.findById(name);
      if (product == null) {
        continue;
      }
      Evaluation evaluation =
          evaluations.evaluate(
              ProductDescriptor.of(product.spec),
              Evaluation.Trigger.POLICY_CHANGED,
              ReviewService.SERVICE_ACTOR);
      reviews.reevaluated(name, evaluation);
      LOG.debugf("Re-evaluated %s (%s): %s", name, row[1], evaluation.outcome);
    }
    return taken.size();
  }
}
