package io.meshwork.contracts.access;

import io.meshwork.contracts.config.ContractsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Ends agreements at their {@code expiresAt} and sends the reminder before. Driven by the stored
 * expiry times, not by timers, so an agreement that expired while the service was down ends at the
 * first run after it is back; the revocation event makes provisioning-service take the grants back.
 */
@ApplicationScoped
public class AccessExpiry {

  private static final Logger LOG = Logger.getLogger(AccessExpiry.class);
  private static final int BATCH = 100;

  private final AccessDecisions decisions;
  private final ContractsConfig config;

  public AccessExpiry(AccessDecisions decisions, ContractsConfig config) {
    this.decisions = decisions;
    this.config = config;
  }

  @Scheduled(
      every = "${meshwork.contracts.access.expiry-interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void run() {
    Instant now = Instant.now();
    for (UUID id : due("expiresAt <= ?1", now)) {
      if (decisions.expire(id)) {
        LOG.infof("Access agreement of request %s expired", id);
      }
    }
    Instant soon = now.plus(config.access().reminderBefore());
    for (UUID id : due("expiresAt <= ?1 and remindedAt is null", soon)) {
      decisions.remind(id);
    }
  }

  private static List<UUID> due(String condition, Instant at) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AccessRequest.<AccessRequest>find(
                        "status = ?2 and " + condition + " order by expiresAt",
                        at,
                        AccessStatus.ACTIVE)
                    .page(0, BATCH)
                    .stream()
                    .map(r -> r.id)
                    .toList());
  }
}
