package io.meshwork.governance.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.inbox.ConsumerRetries;
import io.meshwork.events.inbox.Inbox;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.events.provisioning.ResourceRef;
import io.meshwork.governance.product.ProvisionedDataset;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Follows provisioning's datasets (the products' output ports): their state and real resources, so
 * that {@code null_check} can count a port's rows when no quality metric was reported.
 */
@ApplicationScoped
public class ProvisioningEventsListener {

  private static final Logger LOG = Logger.getLogger(ProvisioningEventsListener.class);
  static final String CONSUMER = "governance.provisioning-datasets";

  private final Inbox inbox;
  private final ObjectMapper mapper;
  private final EventHandlers handlers;

  public ProvisioningEventsListener(Inbox inbox, EventCodec codec, ObjectMapper mapper) {
    this.inbox = inbox;
    this.mapper = mapper;
    this.handlers =
        new EventHandlers(codec)
            .on(
                ProvisioningEvents.DATASET_PROVISIONED,
                ready -> dataset(ready.domain(), ready.name(), "READY", ready.resources()))
            .on(
                ProvisioningEvents.DATASET_PROVISIONING_FAILED,
                failed -> dataset(failed.domain(), failed.name(), "FAILED", null))
            .on(
                ProvisioningEvents.DATASET_DEPROVISIONED,
                gone -> dataset(gone.domain(), gone.name(), "DEPROVISIONED", List.of()));
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

  /** {@code resources} null keeps the ones known. */
  private void dataset(String domain, String name, String state, List<ResourceRef> resources) {
    ProvisionedDataset.Key key = new ProvisionedDataset.Key(domain, name);
    ProvisionedDataset dataset = ProvisionedDataset.findById(key);
    if (dataset == null) {
      dataset = new ProvisionedDataset();
      dataset.key = key;
      dataset.resources = mapper.createArrayNode();
    }
    dataset.state = state;
    if (resources != null) {
      dataset.resources = mapper.valueToTree(resources);
    }
    dataset.updatedAt = Instant.now();
    dataset.persist();
  }
}
