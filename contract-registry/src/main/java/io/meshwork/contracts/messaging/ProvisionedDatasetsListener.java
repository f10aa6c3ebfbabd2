package io.meshwork.contracts.messaging;

import io.meshwork.contracts.observability.MonitoredDataset;
import io.meshwork.contracts.observability.QualitySuite;
import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.inbox.ConsumerRetries;
import io.meshwork.events.inbox.Inbox;
import io.meshwork.events.provisioning.DatasetDeprovisioned;
import io.meshwork.events.provisioning.DatasetProvisioned;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.events.provisioning.ResourceRef;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Keeps where each provisioned dataset's data is (its table or topic), for quality suites to read;
 * a deprovisioned dataset takes its suites with it.
 */
@ApplicationScoped
public class ProvisionedDatasetsListener {

  private static final Logger LOG = Logger.getLogger(ProvisionedDatasetsListener.class);
  static final String CONSUMER = "contracts.provisioning-datasets";

  private final Inbox inbox;
  private final EventHandlers handlers;

  public ProvisionedDatasetsListener(Inbox inbox, EventCodec codec) {
    this.inbox = inbox;
    this.handlers =
        new EventHandlers(codec)
            .on(ProvisioningEvents.DATASET_PROVISIONED, this::provisioned)
            .on(ProvisioningEvents.DATASET_DEPROVISIONED, this::deprovisioned);
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
    handlers.dispatch(event.getType(), payload);
  }

  private void provisioned(DatasetProvisioned provisioned) {
    String id = provisioned.domain() + "/" + provisioned.name();
    MonitoredDataset dataset = MonitoredDataset.findById(id);
    if (dataset != null
        && dataset.updatedAt != null
        && dataset.updatedAt.isAfter(provisioned.provisionedAt())) {
      return;
    }
    if (dataset == null) {
      dataset = new MonitoredDataset();
      dataset.id = id;
    }
    dataset.domain = provisioned.domain();
    dataset.name = provisioned.name();
    dataset.schemaUrn = provisioned.schema();
    dataset.updatedAt = provisioned.provisionedAt();
    boolean located = false;
    for (ResourceRef resource : provisioned.resources()) {
      if (MonitoredDataset.POSTGRES_TABLE.equals(resource.kind()) && resource.uri() != null) {
        // postgres://<database>/<schema>/<table>
        String[] parts = resource.uri().substring("postgres://".length()).split("/");
        if (parts.length == 3) {
          dataset.kind = MonitoredDataset.POSTGRES_TABLE;
          dataset.database = parts[0];
          dataset.schema = parts[1];
          dataset.table = parts[2];
          located = true;
        }
      } else if (MonitoredDataset.KAFKA_TOPIC.equals(resource.kind())) {
        dataset.kind = MonitoredDataset.KAFKA_TOPIC;
        dataset.topic = resource.name();
        located = true;
      }
    }
    if (located) {
      dataset.persist();
    }
  }

  private void deprovisioned(DatasetDeprovisioned deprovisioned) {
    String id = deprovisioned.domain() + "/" + deprovisioned.name();
    QualitySuite.delete("dataset", id);
    MonitoredDataset.deleteById(id);
  }
}
