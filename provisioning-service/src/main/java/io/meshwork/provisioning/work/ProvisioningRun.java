package io.meshwork.provisioning.work;

import io.meshwork.events.provisioning.ResourceRef;
import io.meshwork.provisioning.common.PublicFailure;
import io.meshwork.provisioning.common.TransientFailure;
import io.meshwork.provisioning.config.ProvisioningConfig;
import io.meshwork.provisioning.dataset.Dataset;
import io.meshwork.provisioning.dataset.DatasetJson;
import io.meshwork.provisioning.dataset.DatasetSpec;
import io.meshwork.provisioning.dataset.DatasetState;
import io.meshwork.provisioning.schema.FieldSpec;
import io.meshwork.provisioning.schema.SchemaProblem;
import io.meshwork.provisioning.schema.SchemaRegistryResolver;
import io.meshwork.provisioning.schema.SchemaUrn;
import io.meshwork.provisioning.storage.DriftFinding;
import io.meshwork.provisioning.storage.ProvisionedResource;
import io.meshwork.provisioning.storage.ProvisioningContext;
import io.meshwork.provisioning.storage.ResourceLedger;
import io.meshwork.provisioning.storage.ResourceStatus;
import io.meshwork.provisioning.storage.StorageTargets;
import io.meshwork.web.problem.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One pass of work on one dataset: provision (resolving its schema first if needed), or
 * deprovision. Transient failures schedule another attempt with backoff; permanent ones (or too
 * many attempts) remove what was created and end in FAILED with the reason.
 */
@ApplicationScoped
public class ProvisioningRun {

  private static final Logger LOG = Logger.getLogger(ProvisioningRun.class);

  private final DatasetLifecycle lifecycle;
  private final ProvisioningSteps steps;
  private final SchemaRegistryResolver registry;
  private final StorageTargets targets;
  private final DatasetJson json;
  private final ProvisioningConfig.Worker config;
  private final ResourceLedger ledger;

  public ProvisioningRun(
      DatasetLifecycle lifecycle,
      ProvisioningSteps steps,
      SchemaRegistryResolver registry,
      StorageTargets targets,
      DatasetJson json,
      ProvisioningConfig config,
      ResourceLedger ledger) {
    this.ledger = ledger;
    this.lifecycle = lifecycle;
    this.steps = steps;
    this.registry = registry;
    this.targets = targets;
    this.json = json;
    this.config = config.worker();
  }

  /** Work a worker took up: {@code session} holds the dataset's lock. */
  public void run(WorkSession session, UUID id) {
    Dataset dataset = lifecycle.claim(id);
    switch (dataset.state) {
      case PROVISIONING -> provision(session, dataset);
      case DEPROVISIONING -> deprovision(dataset);
      default -> {
        // settled meanwhile
      }
    }
  }

  /**
   * Provisions a dataset claimed with its request, on the caller's thread. Its request noted what
   * it plans to create, and nothing before that. Answers the dataset once READY, or empty when it
   * failed or has to wait for another attempt.
   */
  public Optional<Dataset> provision(WorkClaim claim) {
    Dataset dataset = claim.dataset();
    boolean ready =
        carryOut(
            claim.session(),
            dataset,
            claim.context(),
            ResourceLedger.fresh(claim.planned()),
            () -> claim.resources(ResourceStatus.PENDING));
    return ready ? Optional.of(dataset) : Optional.empty();
  }

  private void provision(WorkSession session, Dataset dataset) {
    UUID id = dataset.id;
    List<FieldSpec> fields = json.fields(dataset.resolvedSchema);
    if (fields == null) {
      try {
        fields = registry.resolve(SchemaUrn.parse(dataset.schemaUrn)).fields();
        lifecycle.resolved(id, fields);
      } catch (TransientFailure e) {
        if (Duration.between(dataset.createdAt, Instant.now()).compareTo(config.schemaWaitMax())
            < 0) {
          lifecycle.retryLater(
              id, "waiting for the schema registry: " + e.getMessage(), backoff(dataset.attempts));
        } else {
          lifecycle.failed(id, "the schema registry stayed unreachable: " + e.getMessage(), true);
        }
        return;
      } catch (SchemaProblem e) {
        lifecycle.failed(id, "schema: " + e.getMessage(), true);
        return;
      }
    }
    ProvisioningContext context = context(dataset, fields);
    List<ResourceLedger.Intent> intents;
    try {
      intents = ledger.intend(id, steps.plan(context));
    } catch (RuntimeException e) {
      setBack(dataset, context, e);
      return;
    }
    carryOut(
        session,
        dataset,
        context,
        intents,
        () -> ledger.of(id).stream().map(ProvisionedResource::ref).toList());
  }

  /** Creates the resources and records READY; answers whether it got there. */
  private boolean carryOut(
      WorkSession session,
      Dataset dataset,
      ProvisioningContext context,
      List<ResourceLedger.Intent> intents,
      Supplier<List<ResourceRef>> resources) {
    try {
      steps.provision(context, intents);
    } catch (RuntimeException e) {
      setBack(dataset, context, e);
      return false;
    }
    lifecycle.ready(session, dataset, resources.get());
    return true;
  }

  /**
   * A transient failure is tried again later, unless attempts ran out; anything else fails. The
   * platform's own database being unreachable (a restart, say) is transient too: the dataset is not
   * at fault.
   */
  private void setBack(Dataset dataset, ProvisioningContext context, RuntimeException e) {
    String reason = PublicFailure.reason(LOG, e);
    if (!(e instanceof TransientFailure) && !DatabaseOutage.causes(e)) {
      fail(dataset.id, context, reason);
    } else if (dataset.attempts < config.maxAttempts()) {
      lifecycle.retryLater(dataset.id, reason, backoff(dataset.attempts));
    } else {
      fail(dataset.id, context, "gave up after " + dataset.attempts + " attempts: " + reason);
    }
  }

  private void fail(UUID id, ProvisioningContext context, String reason) {
    boolean cleanedUp = true;
    String message = reason;
    try {
      steps.deprovision(context, false);
    } catch (RuntimeException cleanup) {
      cleanedUp = false;
      message = reason + "; cleanup incomplete: " + PublicFailure.reason(LOG, cleanup);
      LOG.warnf("Cleanup of failed dataset %s incomplete: %s", id, message);
    }
    lifecycle.failed(id, message, cleanedUp);
  }

  private void deprovision(Dataset snapshot) {
    UUID id = snapshot.id;
    ProvisioningContext context = context(snapshot, json.fields(snapshot.resolvedSchema));
    try {
      steps.deprovision(context, snapshot.retainOnDelete);
      lifecycle.deleted(id, snapshot.retainOnDelete);
    } catch (TransientFailure e) {
      lifecycle.retryLater(id, e.getMessage(), backoff(snapshot.attempts + 1));
    } catch (RuntimeException e) {
      lifecycle.retryLater(
          id, "deprovisioning failed: " + PublicFailure.reason(LOG, e), config.backoffMax());
    }
  }

  /** Compares a READY dataset's real resources with what was provisioned, and records it. */
  public List<DriftFinding> verify(UUID id) {
    Dataset dataset = lifecycle.snapshot(id);
    if (dataset.state != DatasetState.READY) {
      return List.of();
    }
    List<DriftFinding> findings =
        steps.verify(context(dataset, json.fields(dataset.resolvedSchema)));
    lifecycle.drift(id, findings);
    return findings;
  }

  ProvisioningContext context(Dataset dataset, List<FieldSpec> fields) {
    DatasetSpec spec = json.spec(dataset);
    int major = dataset.schemaUrn == null ? 1 : SchemaUrn.parse(dataset.schemaUrn).version();
    return new ProvisioningContext(
        dataset.id,
        dataset.domain,
        dataset.name,
        spec.owner(),
        spec.classification(),
        spec.description(),
        spec.partitions(),
        spec.retentionMillis(),
        spec.cleanupPolicy(),
        spec.tags(),
        fields == null ? List.of() : fields,
        targets.parse(dataset.storage, dataset.domain, dataset.name, major));
  }

  private Duration backoff(int attempts) {
    long initial = config.backoffInitial().toMillis();
    long delay = initial << Math.min(20, Math.max(0, attempts - 1));
    return Duration.ofMillis(Math.min(delay, config.backoffMax().toMillis()));
  }
}
