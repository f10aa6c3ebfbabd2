package io.meshwork.provisioning.work;

import io.meshwork.provisioning.common.TransientFailure;
import io.meshwork.provisioning.storage.DriftFinding;
import io.meshwork.provisioning.storage.ProvisioningContext;
import io.meshwork.provisioning.storage.ResourceLedger;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Calls to the storage systems, retried a few times with exponential backoff on transient failures
 * (SmallRye Fault Tolerance). Longer outages are handled by the worker, which schedules the
 * dataset's next attempt in the database.
 */
@ApplicationScoped
public class ProvisioningSteps {

  private final Provisioners provisioners;
  private final ResourceLedger ledger;

  public ProvisioningSteps(Provisioners provisioners, ResourceLedger ledger) {
    this.provisioners = provisioners;
    this.ledger = ledger;
  }

  @Retry(
      retryOn = TransientFailure.class,
      maxRetries = 3,
      delay = 100,
      delayUnit = ChronoUnit.MILLIS,
      jitter = 50,
      maxDuration = 20_000)
  @ExponentialBackoff(factor = 3, maxDelay = 3000)
  public void provision(ProvisioningContext context, List<ResourceLedger.Intent> intents) {
    provisioners.of(context.target()).provision(context, intents, ledger);
  }

  /**
   * What provisioning will create, to be noted before it runs. It may look at the storage, and is
   * not retried here: a transient failure lets the worker try again later.
   */
  public List<ResourceLedger.Planned> plan(ProvisioningContext context) {
    return provisioners.of(context.target()).plan(context);
  }

  @Retry(
      retryOn = TransientFailure.class,
      maxRetries = 3,
      delay = 100,
      delayUnit = ChronoUnit.MILLIS,
      jitter = 50,
      maxDuration = 20_000)
  @ExponentialBackoff(factor = 3, maxDelay = 3000)
  public void deprovision(ProvisioningContext context, boolean retain) {
    provisioners.of(context.target()).deprovision(context, ledger, retain);
  }

  @Retry(
      retryOn = TransientFailure.class,
      maxRetries = 2,
      delay = 200,
      delayUnit = ChronoUnit.MILLIS)
  public List<DriftFinding> verify(ProvisioningContext context) {
    return provisioners.of(context.target()).verify(context, ledger);
  }
}
