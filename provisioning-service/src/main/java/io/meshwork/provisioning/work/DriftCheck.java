package io.meshwork.provisioning.work;

import io.meshwork.provisioning.dataset.DatasetState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Every READY dataset's resources, compared with what was provisioned, on a schedule. */
@ApplicationScoped
public class DriftCheck {

  private static final Logger LOG = Logger.getLogger(DriftCheck.class);

  private final EntityManager entityManager;
  private final ProvisioningRun run;

  public DriftCheck(EntityManager entityManager, ProvisioningRun run) {
    this.entityManager = entityManager;
    this.run = run;
  }

  @Scheduled(
      every = "${meshwork.provisioning.drift.interval:10m}",
      delayed = "${meshwork.provisioning.drift.interval:10m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void checkAll() {
    List<UUID> ready =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createQuery(
                            "select d.id from Dataset d where d.state = :state", UUID.class)
                        .setParameter("state", DatasetState.READY)
                        .getResultList());
    for (UUID id : ready) {
      try {
        run.verify(id);
      } catch (RuntimeException e) {
        LOG.warnf("Drift check of dataset %s failed: %s", id, e.getMessage());
      }
    }
  }
}
