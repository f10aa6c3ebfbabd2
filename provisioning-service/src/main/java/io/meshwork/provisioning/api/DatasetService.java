package io.meshwork.provisioning.api;

import io.meshwork.events.outbox.Outbox;
import io.meshwork.events.provisioning.DatasetDeprovisioned;
import io.meshwork.events.provisioning.DatasetRequested;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.events.provisioning.ResourceRef;
import io.meshwork.provisioning.common.TransientFailure;
import io.meshwork.provisioning.dataset.Dataset;
import io.meshwork.provisioning.dataset.DatasetJson;
import io.meshwork.provisioning.dataset.DatasetRepository;
import io.meshwork.provisioning.dataset.DatasetSpec;
import io.meshwork.provisioning.dataset.DatasetState;
import io.meshwork.provisioning.dataset.IdempotencyKey;
import io.meshwork.provisioning.schema.FieldSpec;
import io.meshwork.provisioning.schema.SchemaProblem;
import io.meshwork.provisioning.schema.SchemaRegistryResolver;
import io.meshwork.provisioning.storage.ProvisionedResource;
import io.meshwork.provisioning.storage.ResourceLedger;
import io.meshwork.provisioning.work.DatasetRequests;
import io.meshwork.provisioning.work.ProvisioningWorker;
import io.meshwork.provisioning.work.WorkClaim;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.Problem.Violation;
import io.meshwork.web.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Dataset requests: checked, made idempotent (by spec and by Idempotency-Key), stored with their
 * event in one transaction. The provisioning itself runs in the background (see the work package).
 */
@ApplicationScoped
public class DatasetService {

  private final DatasetRepository datasets;
  private final DatasetSpecs specs;
  private final DatasetJson json;
  private final SchemaRegistryResolver registry;
  private final ResourceLedger ledger;
  private final Outbox outbox;
  private final EntityManager entityManager;
  private final DatasetRequests requests;
  private final ProvisioningWorker worker;

  public DatasetService(
      DatasetRepository datasets,
      DatasetSpecs specs,
      DatasetJson json,
      SchemaRegistryResolver registry,
      ResourceLedger ledger,
      Outbox outbox,
      EntityManager entityManager,
      DatasetRequests requests,
      ProvisioningWorker worker) {
    this.datasets = datasets;
    this.specs = specs;
    this.json = json;
    this.registry = registry;
    this.ledger = ledger;
    this.outbox = outbox;
    this.entityManager = entityManager;
    this.requests = requests;
    this.worker = worker;
  }

  /**
   * The answer to a create: the dataset, whether this request created it, and, when its work was
   * claimed with it, the claim (the caller carries the work out, or hands it to a worker).
   */
  public record Outcome(Dataset dataset, boolean created, Optional<WorkClaim> claim) {}

  /** A checked request with its schema resolved as far as possible now (no transaction open). */
  public record Checked(
      DatasetSpecs.Prepared prepared, List<FieldSpec> fields, String waitingReason) {}

  public Checked check(CreateDatasetRequest request, Caller caller) {
    caller.requireMayChange(request.domain());
    DatasetSpecs.Prepared prepared = specs.prepare(request, caller);
    if (prepared.urn() == null) {
      return new Checked(prepared, prepared.inlineFields(), null);
    }
    try {
      return new Checked(prepared, registry.resolve(prepared.urn()).fields(), null);
    } catch (SchemaProblem e) {
      throw InvalidRequestException.ofField(
          "provisioning.dataset.unknown-schema", "schema", e.getMessage());
    } catch (TransientFailure e) {
      // The registry is down: accept, and let the worker wait for it rather than guess.
      return new Checked(prepared, null, "waiting for the schema registry: " + e.getMessage());
    }
  }

  /**
   * Stores a new request in one statement; a known schema and a free slot of this instance's work
   * claim its work at once. A name or an Idempotency-Key in use answers as for a repeat: the
   * existing dataset (the same spec) or 409.
   */
  public Outcome create(Checked checked, Optional<String> idempotencyKey, Caller caller) {
    DatasetSpec spec = checked.prepared().spec();
    String specJson = json.write(spec);
    String hash = json.hash(specJson);
    Optional<DatasetRequests.KeyUse> key =
        idempotencyKey.map(k -> new DatasetRequests.KeyUse(caller.name(), k, hash));
    for (int attempt = 1; ; attempt++) {
      Dataset dataset = requested(checked, specJson, caller);
      Optional<WorkClaim> claim =
          checked.fields() == null ? Optional.empty() : worker.claimNew(dataset, checked.fields());
      if (claim.isPresent()) {
        dataset.state = DatasetState.PROVISIONING;
        dataset.attempts = 1;
      }
      boolean locked;
      try {
        locked = requests.insert(dataset, key, claim, requestedEvent(dataset, spec));
      } catch (DatasetRequests.NameTaken taken) {
        claim.ifPresent(c -> c.session().close());
        Optional<Outcome> existing =
            QuarkusTransaction.requiringNew()
                .call(() -> existing(spec, idempotencyKey, hash, caller));
        if (existing.isPresent()) {
          return existing.get();
        }
        if (attempt == 3) {
          throw new ConflictException(
              "provisioning.dataset.busy",
              "Dataset '" + spec.name() + "' is being requested and removed at once; try again");
        }
        continue; // the dataset that held the name is gone since
      } catch (RuntimeException e) {
        claim.ifPresent(c -> c.session().close());
        throw e;
      }
      if (claim.isPresent() && !locked) {
        // Someone holds a lock of the same key: the worker takes the dataset up later.
        claim.get().session().close();
        return new Outcome(dataset, true, Optional.empty());
      }
      claim.ifPresent(c -> c.session().lockedBy(dataset.id));
      return new Outcome(dataset, true, claim);
    }
  }

  /** The dataset a request asks for, as it is stored: REQUESTED, not yet worked on. */
  private Dataset requested(Checked checked, String specJson, Caller caller) {
    DatasetSpec spec = checked.prepared().spec();
    Instant now = DatasetRequests.now();
    Dataset dataset = new Dataset();
    dataset.id = UUID.randomUUID();
    dataset.domain = spec.domain();
    dataset.name = spec.name();
    dataset.storage = spec.storage();
    dataset.schemaUrn = spec.schema();
    dataset.state = DatasetState.REQUESTED;
    dataset.requestedBy = caller.name();
    dataset.spec = specJson;
    dataset.resolvedSchema = checked.fields() == null ? null : json.write(checked.fields());
    dataset.lastError = checked.waitingReason();
    dataset.createdAt = now;
    dataset.updatedAt = now;
    return dataset;
  }

  private static DatasetRequested requestedEvent(Dataset dataset, DatasetSpec spec) {
    return new DatasetRequested(
        dataset.id,
        spec.domain(),
        spec.name(),
        spec.storage(),
        spec.schema(),
        dataset.requestedBy,
        dataset.createdAt,
        spec.owner(),
        spec.classification(),
        spec.description(),
        spec.tags());
  }

  /** The dataset a name or an Idempotency-Key already answers with, if any. */
  private Optional<Outcome> existing(
      DatasetSpec spec, Optional<String> idempotencyKey, String hash, Caller caller) {
    if (idempotencyKey.isPresent()) {
      IdempotencyKey used =
          IdempotencyKey.findById(new IdempotencyKey.Key(caller.name(), idempotencyKey.get()));
      if (used != null) {
        if (!used.requestHash.equals(hash)) {
          throw new ConflictException(
              "provisioning.idempotency-key.reused",
              "Idempotency-Key '"
                  + idempotencyKey.get()
                  + "' was already used with a different request");
        }
        return Optional.of(new Outcome(datasets.findById(used.datasetId), false, Optional.empty()));
      }
    }
    return datasets
        .findLive(spec.domain(), spec.name())
        .map(existing -> same(existing, spec, idempotencyKey, hash, caller));
  }

  private Outcome same(
      Dataset existing, DatasetSpec requested, Optional<String> key, String hash, Caller caller) {
    DatasetSpec stored = json.spec(existing);
    List<Violation> differences = SpecDifferences.between(stored, requested);
    if (!differences.isEmpty()) {
      throw new ConflictException(
          "provisioning.dataset.exists",
          "Dataset '"
              + requested.name()
              + "' already exists in domain '"
              + requested.domain()
              + "' with a different spec ("
              + differences.size()
              + " difference(s))"
              + (existing.state == DatasetState.FAILED
                  ? "; it FAILED, so DELETE /api/v1/datasets/"
                      + existing.domain
                      + "/"
                      + existing.name
                      + " frees the name for a new request"
                  : ""),
          differences);
    }
    rememberKey(key, hash, existing.id, caller);
    return new Outcome(existing, false, Optional.empty());
  }

  private void rememberKey(Optional<String> key, String hash, UUID dataset, Caller caller) {
    key.ifPresent(
        k ->
            entityManager
                .createNativeQuery(
                    "INSERT INTO idempotency_key (caller, key, request_hash, dataset_id, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, caller.name())
                .setParameter(2, k)
                .setParameter(3, hash)
                .setParameter(4, dataset)
                .executeUpdate());
  }

  /** Starts deletion: READY goes to DEPROVISIONING (the worker removes or detaches storage). */
  @Transactional
  public Dataset delete(String domain, String name, boolean retain, Caller caller) {
    caller.requireMayChange(domain);
    Dataset dataset =
        datasets
            .findLive(domain, name)
            .orElseThrow(() -> new DatasetNotFoundException(domain, name));
    entityManager.lock(dataset, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    switch (dataset.state) {
      case READY -> {
        dataset.state = DatasetState.DEPROVISIONING;
        dataset.retainOnDelete = retain;
        dataset.attempts = 0;
        dataset.nextAttemptAt = null;
        dataset.lastError = null;
        dataset.updatedAt = now;
      }
      case FAILED -> {
        // Its storage was already removed when it failed.
        dataset.state = DatasetState.DELETED;
        dataset.deletedAt = now;
        dataset.updatedAt = now;
        outbox.publish(
            ProvisioningEvents.DATASET_DEPROVISIONED,
            dataset.id.toString(),
            domain + "/" + name,
            new DatasetDeprovisioned(
                dataset.id, domain, name, dataset.storage, false, List.of(), now));
      }
      default ->
          throw new ConflictException(
              "provisioning.dataset.busy",
              "Dataset '"
                  + name
                  + "' is "
                  + dataset.state
                  + "; it can be deleted once READY or FAILED");
    }
    return dataset;
  }

  public Dataset get(String domain, String name) {
    return datasets
        .findLive(domain, name)
        .or(() -> datasets.findLatestDeleted(domain, name))
        .orElseThrow(() -> new DatasetNotFoundException(domain, name));
  }

  /** The dataset as the API shows it, with its resources as the ledger holds them. */
  public DatasetResponse describe(Dataset dataset) {
    List<ResourceRef> resources =
        ledger.of(dataset.id).stream().map(ProvisionedResource::ref).toList();
    return describe(dataset, resources);
  }

  /** The dataset as the API shows it, with resources the caller knows to be stored. */
  public DatasetResponse describe(Dataset dataset, List<ResourceRef> resources) {
    return DatasetResponse.of(dataset, json.spec(dataset), resources, json.drift(dataset));
  }
}
