package io.meshwork.governance.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Products to evaluate again because a policy that applies to them changed: queued in the policy
 * change's transaction (so a crash loses none), drained by the re-evaluation worker.
 */
@ApplicationScoped
public class ReevaluationQueue {

  private final EntityManager entityManager;

  public ReevaluationQueue(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Queues every live product of {@code domain}, or of all domains when it is null. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int queue(String domain, String reason) {
    return entityManager
        .createNativeQuery(
            "INSERT INTO pending_reevaluation (product, reason, queued_at)"
                + " SELECT name, :reason, now() FROM product"
                + " WHERE (CAST(:domain AS VARCHAR) IS NULL OR domain = :domain)"
                + " AND status <> 'RETIRED'"
                + " ON CONFLICT (product) DO UPDATE SET reason = EXCLUDED.reason,"
                + " queued_at = EXCLUDED.queued_at")
        .setParameter("reason", reason)
        .setParameter("domain", domain)
        .executeUpdate();
  }

  /** Takes up to {@code limit} queued products, locked so that two workers never take one. */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public List<Object[]> take(int limit) {
    return entityManager
        .createNativeQuery(
            "DELETE FROM pending_reevaluation WHERE product IN (SELECT product FROM"
                + " pending_reevaluation ORDER BY queued_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
                + " RETURNING product, reason")
        .setParameter("limit", limit)
        .getResultList();
  }
}
