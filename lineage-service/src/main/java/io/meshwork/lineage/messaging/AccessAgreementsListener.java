package io.meshwork.lineage.messaging;

import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.events.contracts.AccessRequestChanged;
import io.meshwork.events.inbox.ConsumerRetries;
import io.meshwork.events.inbox.Inbox;
import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.graph.NodeKind;
import io.meshwork.lineage.intake.LineageIntake;
import io.meshwork.lineage.query.AmbiguousNameException;
import io.meshwork.lineage.query.LineageQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * An ACTIVE access agreement puts its consumer downstream of the product and its granted ports; a
 * revoked or expired one takes it away again.
 */
@ApplicationScoped
public class AccessAgreementsListener {

  private static final Logger LOG = Logger.getLogger(AccessAgreementsListener.class);
  static final String CONSUMER = "lineage.contracts-access-requests";

  private final Inbox inbox;
  private final LineageIntake intake;
  private final LineageQueries queries;
  private final EventHandlers handlers;

  public AccessAgreementsListener(
      Inbox inbox, EventCodec codec, LineageIntake intake, LineageQueries queries) {
    this.inbox = inbox;
    this.intake = intake;
    this.queries = queries;
    this.handlers =
        new EventHandlers(codec)
            .on(AccessEvents.ACTIVATED, a -> record(a, true))
            .on(AccessEvents.REVOKED, a -> record(a, false))
            .on(AccessEvents.EXPIRED, a -> record(a, false));
  }

  @Retry(
      maxRetries = ConsumerRetries.MAX_RETRIES,
      delay = ConsumerRetries.DELAY_MILLIS,
      retryOn = JDBCConnectionException.class)
  @Incoming("contracts-access-requests")
  @Blocking
  public void onEvent(String payload, IncomingCloudEventMetadata<String> event) throws Exception {
    // As with products: applied first, recorded after; the same declaration twice is the same.
    if (!handlers.dispatch(event.getType(), payload)) {
      return;
    }
    QuarkusTransaction.requiringNew().run(() -> inbox.firstDelivery(CONSUMER, event.getId()));
  }

  private void record(AccessRequestChanged agreement, boolean active) {
    List<Node> ports = active ? ports(agreement.outputPorts()) : List.of();
    intake.one(ConsumerAgreements.declaration(agreement, active, ports)).await().indefinitely();
  }

  private List<Node> ports(List<String> outputPorts) {
    queries.catchUp();
    List<Node> nodes = new ArrayList<>();
    for (String port : outputPorts) {
      try {
        queries.byName(NodeKind.DATASET, port, null).ifPresent(nodes::add);
      } catch (AmbiguousNameException e) {
        LOG.warnf("Output port %s names several datasets; left out of the agreement", port);
      }
    }
    return nodes;
  }
}
