package io.meshwork.provisioning.work;

import io.meshwork.events.outbox.Outbox;
import io.meshwork.events.outbox.OutboxRow;
import io.meshwork.events.provisioning.DatasetDeprovisioned;
import io.meshwork.events.provisioning.DatasetDriftDetected;
import io.meshwork.events.provisioning.DatasetProvisioned;
import io.meshwork.events.provisioning.DatasetProvisioningFailed;
import io.meshwork.events.provisioning.DatasetProvisioningStarted;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.events.provisioning.ResourceRef;
import io.meshwork.provisioning.common.TransientFailure;
import io.meshwork.provisioning.dataset.Dataset;
import io.meshwork.provisioning.dataset.DatasetJson;
import io.meshwork.provisioning.dataset.DatasetRepository;
import io.meshwork.provisioning.dataset.DatasetState;
import io.meshwork.provisioning.schema.FieldSpec;
import io.meshwork.provisioning.storage.DriftFinding;
import io.meshwork.provisioning.storage.ProvisionedResource;
import io.meshwork.provisioning.storage.ResourceLedger;
import io.meshwork.provisioning.storage.ResourceStatus;
import io.meshwork.web.problem.Incidents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Each state change of a dataset with its event, in one transaction (the outbox). */
@ApplicationScoped
public class DatasetLifecycle {

  private static final Logger LOG = Logger.getLogger(DatasetLifecycle.class);

  private final DatasetRepository datasets;
  private final DatasetJson json;
  private final ResourceLedger ledger;
  private final Outbox outbox;

  public DatasetLifecycle(
      DatasetRepository datasets, DatasetJson json, ResourceLedger ledger, Outbox outbox) {
    this.datasets = datasets;
    this.json = json;
    this.ledger = ledger;
    this.outbox = outbox;
  }

  @Transactional
  public Dataset snapshot(UUID id) {
    Dataset dataset = datasets.findById(id);
    datasets.getEntityManager().detach(dataset);
    return dataset;
  }

  /**
   * Takes a dataset up for work: REQUESTED (or resumed PROVISIONING) becomes PROVISIONING with one
   * more attempt; any other state is returned as it is. Detached.
   */
  @Transactional
  public Dataset claim(UUID id) {
    Dataset dataset = locked(id);
    if (dataset.state == DatasetState.REQUESTED || dataset.state == DatasetState.PROVISIONING) {
      dataset.attempts++;
      dataset.updatedAt = Instant.now();
      dataset.state = DatasetState.PROVISIONING;
      outbox.publish(
          ProvisioningEvents.DATASET_PROVISIONING_STARTED,
          id.toString(),
          subject(dataset),
          new DatasetProvisioningStarted(
              id,
              dataset.domain,
              dataset.name,
              dataset.storage,
              dataset.attempts,
              dataset.updatedAt));
      datasets.flush();
    }
    datasets.getEntityManager().detach(dataset);
    return dataset;
  }

  @Transactional
  public void resolved(UUID id, List<FieldSpec> fields) {
    Dataset dataset = locked(id);
    dataset.resolvedSchema = json.write(fields);
    dataset.lastError = null;
  }

  /**
   * READY with its event, its pending resources marked created, and the work lock released: one
   * statement on the work's own connection, one round trip. {@code resources} are all of the
   * dataset's resources, which its event lists as created. Updates {@code dataset} to match.
   */
  public void ready(WorkSession session, Dataset dataset, List<ResourceRef> resources) {
    Instant now = DatasetRequests.now();
    OutboxRow event =
        outbox.row(
            ProvisioningEvents.DATASET_PROVISIONED,
            dataset.id.toString(),
            subject(dataset),
            new DatasetProvisioned(
                dataset.id,
                dataset.domain,
                dataset.name,
                dataset.storage,
                dataset.schemaUrn,
                resources.stream()
                    .map(r -> new ResourceRef(r.kind(), r.name(), r.uri(), created(r.status())))
                    .toList(),
                now));
    try (PreparedStatement statement = session.connection().prepareStatement(READY)) {
      OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
      statement.setObject(1, at);
      statement.setObject(2, at);
      statement.setObject(3, at);
      statement.setObject(4, dataset.id);
      statement.setObject(5, at);
      int next = OutboxRow.bind(statement, 6, List.of(event));
      statement.setLong(next, WorkSession.lockKey(dataset.id));
      statement.execute();
      int updated;
      try (ResultSet result = statement.getResultSet()) {
        result.next();
        updated = result.getInt(1);
      }
      session.unlockedBy(dataset.id);
      if (updated != 1) {
        throw new IllegalStateException("dataset " + dataset.id + " was no longer PROVISIONING");
      }
    } catch (SQLException e) {
      throw new TransientFailure(Incidents.record(LOG, "recording READY failed", e), e);
    }
    outbox.relayCommitted();
    dataset.state = DatasetState.READY;
    dataset.provisionedAt = now;
    dataset.updatedAt = now;
    dataset.lastError = null;
    dataset.nextAttemptAt = null;
    dataset.drift = "[]";
    dataset.driftCheckedAt = now;
  }

  private static final String READY =
      "WITH ready AS (UPDATE dataset SET state = 'READY', provisioned_at = ?, updated_at = ?,"
          + " last_error = NULL, next_attempt_at = NULL, drift = '[]', drift_checked_at = ?"
          + " WHERE id = ? AND state = 'PROVISIONING' RETURNING id),"
          + " settled AS (UPDATE dataset_resource SET status = 'CREATED', updated_at = ?"
          + " WHERE dataset_id IN (SELECT id FROM ready) AND status = 'PENDING'),"
          + " announced AS (INSERT INTO "
          + OutboxRow.COLUMNS
          + " SELECT "
          + OutboxRow.PARAMETERS
          + " FROM ready)"
          + " SELECT count(*) FROM ready;"
          + " SELECT pg_advisory_unlock(?)";

  private static String created(String status) {
    return ResourceStatus.PENDING.name().equals(status) ? ResourceStatus.CREATED.name() : status;
  }

  @Transactional
  public void retryLater(UUID id, String reason, Duration delay) {
    Dataset dataset = locked(id);
    dataset.lastError = reason;
    dataset.nextAttemptAt = Instant.now().plus(delay);
    dataset.updatedAt = Instant.now();
    // The events of work that has to wait (its request's, its start's) go out now.
    outbox.relayCommitted();
  }

  @Transactional
  public void failed(UUID id, String reason, boolean cleanedUp) {
    Dataset dataset = locked(id);
    Instant now = Instant.now();
    dataset.state = DatasetState.FAILED;
    dataset.lastError = reason;
    dataset.nextAttemptAt = null;
    dataset.updatedAt = now;
    outbox.publish(
        ProvisioningEvents.DATASET_PROVISIONING_FAILED,
        id.toString(),
        subject(dataset),
        new DatasetProvisioningFailed(
            id, dataset.domain, dataset.name, dataset.storage, reason, cleanedUp, now));
  }

  @Transactional
  public void deleted(UUID id, boolean retained) {
    Dataset dataset = locked(id);
    Instant now = Instant.now();
    dataset.state = DatasetState.DELETED;
    dataset.deletedAt = now;
    dataset.updatedAt = now;
    dataset.lastError = null;
    dataset.nextAttemptAt = null;
    outbox.publish(
        ProvisioningEvents.DATASET_DEPROVISIONED,
        id.toString(),
        subject(dataset),
        new DatasetDeprovisioned(
            id, dataset.domain, dataset.name, dataset.storage, retained, resources(id), now));
  }

  /** Stores a drift check; announces it when something drifted that was not announced before. */
  @Transactional
  public void drift(UUID id, List<DriftFinding> findings) {
    Dataset dataset = locked(id);
    String now = json.write(findings);
    boolean changed = !Objects.equals(now, dataset.drift);
    dataset.drift = now;
    dataset.driftCheckedAt = Instant.now();
    if (changed && !findings.isEmpty()) {
      outbox.publish(
          ProvisioningEvents.DATASET_DRIFT_DETECTED,
          id.toString(),
          subject(dataset),
          new DatasetDriftDetected(
              id,
              dataset.domain,
              dataset.name,
              findings.stream()
                  .map(f -> new DatasetDriftDetected.Drift(f.resource(), f.problem()))
                  .toList(),
              dataset.driftCheckedAt));
    }
  }

  private Dataset locked(UUID id) {
    return datasets.findById(id, LockModeType.PESSIMISTIC_WRITE);
  }

  private List<ResourceRef> resources(UUID id) {
    return ledger.of(id).stream().map(ProvisionedResource::ref).toList();
  }

  private static String subject(Dataset dataset) {
    return dataset.domain + "/" + dataset.name;
  }
}
