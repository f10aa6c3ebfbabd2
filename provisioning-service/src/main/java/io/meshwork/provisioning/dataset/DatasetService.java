package io.meshwork.provisioning.dataset;

import io.meshwork.events.outbox.Outbox;
import io.meshwork.events.provisioning.DatasetDeprovisioned;
import io.meshwork.events.provisioning.DatasetRequested;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.provisioning.schema.FieldSpec;
import io.meshwork.provisioning.schema.SchemaProblem;
import io.meshwork.provisioning.schema.SchemaRegistryResolver;
import io.meshwork.provisioning.storage.ProvisionedResource;
import io.meshwork.provisioning.storage.ResourceLedger;
import io.meshwork.provisioning.work.TransientFailure;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.Problem.Violation;
import io.meshwork.web.security.Caller;
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

  public DatasetService(
      DatasetRepository datasets,
      DatasetSpecs specs,
      DatasetJson json,
      SchemaRegistryResolver registry,
      ResourceLedger ledger,
      Outbox outbox,
      EntityManager entityManager) {
    this.datasets = datasets;
    this.specs = specs;
    this.json = json;
    this.registry = registry;
    this.ledger = ledger;
    this.outbox = outbox;
    this.entityManager = entityManager;
  }

  /** The answer to a create: the dataset, and whether this request created it. */
  public record Outcome(Dataset dataset, boolean created) {}

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

  @Transactional
  public Outcome create(Checked checked, Optional<String> idempotencyKey, Caller caller) {
    DatasetSpec spec = checked.prepared().spec();
    String specJson = json.write(spec);
    String hash = json.hash(spec);
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
        return new Outcome(datasets.findById(used.datasetId), false);
      }
    }
    Optional<Dataset> existing = datasets.findLive(spec.domain(), spec.name());
    if (existing.isPresent()) {
      return same(existing.get(), spec, idempotencyKey, hash, caller);
    }
    Instant now = Instant.now();
    UUID id = UUID.randomUUID();
    int inserted =
        entityManager
            .createNativeQuery(
                "INSERT INTO dataset (id, domain, name, storage, schema_urn, state, requested_by, spec,"
                    + " resolved_schema, last_error, created_at, updated_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, 'REQUESTED', ?6, ?7, ?8, ?9, ?10, ?10)"
                    + " ON CONFLICT (domain, name) WHERE state <> 'DELETED' DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, spec.domain())
            .setParameter(3, spec.name())
            .setParameter(4, spec.storage())
            .setParameter(5, spec.schema())
            .setParameter(6, caller.name())
            .setParameter(7, specJson)
            .setParameter(8, checked.fields() == null ? null : json.write(checked.fields()))
            .setParameter(9, checked.waitingReason())
            .setParameter(10, now)
            .executeUpdate();
    if (inserted == 0) {
      // Another request for the same name won the race: answer as for a repeat.
      Dataset winner = datasets.findLive(spec.domain(), spec.name()).orElseThrow();
      return same(winner, spec, idempotencyKey, hash, caller);
    }
    rememberKey(idempotencyKey, hash, id, caller);
    outbox.publish(
        ProvisioningEvents.DATASET_REQUESTED,
        id.toString(),
        spec.domain() + "/" + spec.name(),
        new DatasetRequested(
            id,
            spec.domain(),
            spec.name(),
            spec.storage(),
            spec.schema(),
            caller.name(),
            now,
            spec.owner(),
            spec.classification(),
            spec.description(),
            spec.tags()));
    return new Outcome(datasets.findById(id), true);
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
    return new Outcome(existing, false);
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

  public DatasetResponse describe(Dataset dataset) {
    List<ProvisionedResource> resources = ledger.of(dataset.id);
    return DatasetResponse.of(dataset, json.spec(dataset), resources, json.drift(dataset));
  }
}
