package io.meshwork.catalog.messaging;

import io.meshwork.catalog.dataset.Dataset;
import io.meshwork.catalog.dataset.DatasetRepository;
import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.inbox.ConsumerRetries;
import io.meshwork.events.inbox.Inbox;
import io.meshwork.events.provisioning.DatasetDeprovisioned;
import io.meshwork.events.provisioning.DatasetProvisioned;
import io.meshwork.events.provisioning.DatasetRequested;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Mirrors provisioning-service's datasets into the catalog, following their lifecycle; a
 * redelivered event changes nothing, and events of one dataset arrive in order (same key).
 */
@ApplicationScoped
public class ProvisioningEventsListener {

  private static final Logger LOG = Logger.getLogger(ProvisioningEventsListener.class);
  static final String CONSUMER = "catalog.provisioning-datasets";

  private final Inbox inbox;
  private final DatasetRepository datasets;
  private final EventCodec codec;
  private final EventHandlers handlers;

  public ProvisioningEventsListener(Inbox inbox, EventCodec codec, DatasetRepository datasets) {
    this.inbox = inbox;
    this.codec = codec;
    this.datasets = datasets;
    this.handlers =
        new EventHandlers(codec)
            .on(ProvisioningEvents.DATASET_REQUESTED, this::onRequested)
            .on(
                ProvisioningEvents.DATASET_PROVISIONING_STARTED,
                started -> update(started.datasetId(), d -> d.state = "PROVISIONING"))
            .on(ProvisioningEvents.DATASET_PROVISIONED, this::onProvisioned)
            .on(
                ProvisioningEvents.DATASET_PROVISIONING_FAILED,
                failed ->
                    update(
                        failed.datasetId(),
                        d -> {
                          d.state = "FAILED";
                          d.lastError = failed.reason();
                        }))
            .on(ProvisioningEvents.DATASET_DEPROVISIONED, this::onDeprovisioned)
            .on(
                ProvisioningEvents.DATASET_DRIFT_DETECTED,
                drift -> update(drift.datasetId(), d -> d.drift = codec.encode(drift.findings())));
  }

  @Retry(
      maxRetries = ConsumerRetries.MAX_RETRIES,
      delay = ConsumerRetries.DELAY_MILLIS,
      retryOn = JDBCConnectionException.class)
  @Incoming("provisioning-datasets")
  @Blocking
  @Transactional
  public void onEvent(String payload, IncomingCloudEventMetadata<String> event) throws Exception {
    if (!inbox.firstDelivery(CONSUMER, event.getId())) {
      LOG.debugf("Skipping redelivered event %s", event.getId());
      return;
    }
    if (!handlers.dispatch(event.getType(), payload)) {
      LOG.debugf("Ignoring event type %s", event.getType());
    }
  }

  private void onProvisioned(DatasetProvisioned provisioned) {
    update(
        provisioned.datasetId(),
        d -> {
          d.state = "READY";
          d.resources = codec.encode(provisioned.resources());
          d.provisionedAt = provisioned.provisionedAt();
          d.lastError = null;
        });
  }

  private void onDeprovisioned(DatasetDeprovisioned deprovisioned) {
    update(
        deprovisioned.datasetId(),
        d -> {
          d.state = "DELETED";
          d.resources = codec.encode(deprovisioned.resources());
          d.deletedAt = deprovisioned.deprovisionedAt();
        });
  }

  private void onRequested(DatasetRequested requested) {
    Dataset dataset = datasets.findById(requested.datasetId());
    if (dataset == null) {
      dataset = new Dataset();
      dataset.id = requested.datasetId();
      dataset.state = "REQUESTED";
      dataset.resources = "[]";
      dataset.drift = "[]";
    }
    dataset.domain = requested.domain();
    dataset.name = requested.name();
    dataset.storage = requested.storage();
    dataset.schemaUrn = requested.schema();
    dataset.requestedBy = requested.requestedBy();
    dataset.requestedAt = requested.requestedAt();
    dataset.owner = requested.owner();
    dataset.classification = requested.classification();
    dataset.description = requested.description();
    dataset.tags = codec.encode(requested.tags() == null ? List.of() : requested.tags());
    dataset.updatedAt = Instant.now();
    datasets.persist(dataset);
  }

  private void update(UUID id, Consumer<Dataset> change) {
    Dataset dataset = datasets.findById(id);
    if (dataset == null) {
      // The request event comes first on the same partition; without it there is nothing to show.
      LOG.warnf("Event for unknown dataset %s ignored", id);
      return;
    }
    change.accept(dataset);
    dataset.updatedAt = Instant.now();
  }
}
