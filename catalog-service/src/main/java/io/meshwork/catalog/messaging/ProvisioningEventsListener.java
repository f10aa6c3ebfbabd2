package io.meshwork.catalog.messaging;

import io.meshwork.catalog.dataset.Dataset;
import io.meshwork.catalog.dataset.DatasetRepository;
import io.meshwork.events.EventCodec;
import io.meshwork.events.inbox.Inbox;
import io.meshwork.events.provisioning.DatasetRequested;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Mirrors provisioning-service's datasets into the catalog; redelivered events change nothing. */
@ApplicationScoped
public class ProvisioningEventsListener {

  private static final Logger LOG = Logger.getLogger(ProvisioningEventsListener.class);
  static final String CONSUMER = "catalog.provisioning-datasets";

  private final Inbox inbox;
  private final EventCodec codec;
  private final DatasetRepository datasets;

  public ProvisioningEventsListener(Inbox inbox, EventCodec codec, DatasetRepository datasets) {
    this.inbox = inbox;
    this.codec = codec;
    this.datasets = datasets;
  }

  @Incoming("provisioning-datasets")
  @Blocking
  @Transactional
  public void onEvent(String payload, IncomingCloudEventMetadata<String> event) {
    if (!inbox.firstDelivery(CONSUMER, event.getId())) {
      LOG.debugf("Skipping redelivered event %s", event.getId());
      return;
    }
    if (ProvisioningEvents.DATASET_REQUESTED.type().equals(event.getType())) {
      onRequested(codec.decode(payload, DatasetRequested.class));
    }
  }

  private void onRequested(DatasetRequested requested) {
    Dataset dataset = datasets.findById(requested.datasetId());
    if (dataset == null) {
      dataset = new Dataset();
      dataset.id = requested.datasetId();
      dataset.state = "REQUESTED";
    }
    dataset.domain = requested.domain();
    dataset.name = requested.name();
    dataset.storage = requested.storage();
    dataset.schemaUrn = requested.schema();
    dataset.requestedBy = requested.requestedBy();
    dataset.requestedAt = requested.requestedAt();
    dataset.updatedAt = Instant.now();
    datasets.persist(dataset);
  }
}
