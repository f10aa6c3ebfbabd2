package io.meshwork.lineage.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.catalog.DataProductPublished;
import io.meshwork.events.catalog.DataProductRetired;
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
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Puts a published data product in the graph with the lineage its owner declares ({@code
 * lineage.sources}), so {@code dataset(name: "customer_360") { upstream { name } }} shows them; a
 * retired product's declaration ends.
 */
@ApplicationScoped
public class DataProductEventsListener {

  private static final Logger LOG = Logger.getLogger(DataProductEventsListener.class);
  static final String CONSUMER = "lineage.catalog-products";

  private final Inbox inbox;
  private final LineageIntake intake;
  private final LineageQueries queries;
  private final EventHandlers handlers;

  public DataProductEventsListener(
      Inbox inbox, EventCodec codec, LineageIntake intake, LineageQueries queries) {
    this.inbox = inbox;
    this.intake = intake;
    this.queries = queries;
    this.handlers =
        new EventHandlers(codec)
            .on(CatalogEvents.PUBLISHED, this::published)
            .on(CatalogEvents.RETIRED, this::retired);
  }

  @Retry(
      maxRetries = ConsumerRetries.MAX_RETRIES,
      delay = ConsumerRetries.DELAY_MILLIS,
      retryOn = JDBCConnectionException.class)
  @Incoming("catalog-products")
  @Blocking
  public void onEvent(String payload, IncomingCloudEventMetadata<String> event) throws Exception {
    // The intake writes the declaration in its own transaction, so the event is applied first and
    // recorded after: one delivered again is applied again, and a declaration applied twice is
    // the same declaration (it replaces the one before).
    if (!handlers.dispatch(event.getType(), payload)) {
      LOG.debugf("Ignoring event type %s", event.getType());
      return;
    }
    QuarkusTransaction.requiringNew().run(() -> inbox.firstDelivery(CONSUMER, event.getId()));
  }

  private void published(DataProductPublished published) {
    record(
        DeclaredProducts.declaration(
            published.name(),
            published.owner(),
            published.publishedAt(),
            published.sources(),
            published.transformations(),
            ports(published.outputPorts())));
  }

  private void retired(DataProductRetired retired) {
    record(
        DeclaredProducts.declaration(
            retired.name(), null, retired.retiredAt(), List.of(), List.of(), List.of()));
  }

  private void record(ObjectNode declaration) {
    intake.one(declaration).await().indefinitely();
  }

  /** The storage nodes of the product's output ports that the graph knows by their names. */
  private List<Node> ports(List<String> outputPorts) {
    queries.catchUp();
    List<Node> nodes = new ArrayList<>();
    for (String port : outputPorts) {
      try {
        Optional<Node> node = queries.byName(NodeKind.DATASET, port, null);
        node.ifPresent(nodes::add);
      } catch (AmbiguousNameException e) {
        LOG.warnf("Output port %s names several datasets; left out of the declared lineage", port);
      }
    }
    return nodes;
  }
}
