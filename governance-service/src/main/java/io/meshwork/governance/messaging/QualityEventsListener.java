package io.meshwork.governance.messaging;

import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.contracts.QualityMeasured;
import io.meshwork.events.inbox.ConsumerRetries;
import io.meshwork.events.inbox.Inbox;
import io.meshwork.governance.product.QualityMetric;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Keeps the newest reported completeness of each product's fields ({@code null_check}'s evidence).
 */
@ApplicationScoped
public class QualityEventsListener {

  private static final Logger LOG = Logger.getLogger(QualityEventsListener.class);
  static final String CONSUMER = "governance.contracts-quality";

  private final Inbox inbox;
  private final EventHandlers handlers;

  public QualityEventsListener(Inbox inbox, EventCodec codec) {
    this.inbox = inbox;
    this.handlers = new EventHandlers(codec).on(ContractEvents.QUALITY_MEASURED, this::measured);
  }

  @Retry(
      maxRetries = ConsumerRetries.MAX_RETRIES,
      delay = ConsumerRetries.DELAY_MILLIS,
      retryOn = JDBCConnectionException.class)
  @Incoming("contracts-quality")
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

  private void measured(QualityMeasured measured) {
    if (measured.product() == null || measured.completeness() == null) {
      return;
    }
    for (QualityMeasured.FieldCompleteness field : measured.completeness()) {
      if (field.rows() <= 0) {
        continue;
      }
      QualityMetric.Key key = new QualityMetric.Key(measured.product(), field.field());
      QualityMetric metric = QualityMetric.findById(key);
      if (metric != null && metric.measuredAt.isAfter(measured.measuredAt())) {
        continue;
      }
      if (metric == null) {
        metric = new QualityMetric();
        metric.key = key;
      }
      metric.nonNull = (double) field.nonNull() / field.rows();
      metric.rows = field.rows();
      metric.source =
          (measured.source() == null ? "quality run" : measured.source())
              + " on "
              + measured.dataset();
      metric.measuredAt = measured.measuredAt();
      metric.persist();
    }
  }
}
