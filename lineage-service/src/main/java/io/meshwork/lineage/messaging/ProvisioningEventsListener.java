package io.meshwork.lineage.messaging;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.meshwork.events.EventCodec;
import io.meshwork.events.EventHandlers;
import io.meshwork.events.inbox.ConsumerRetries;
import io.meshwork.events.inbox.Inbox;
import io.meshwork.events.provisioning.DatasetDeprovisioned;
import io.meshwork.events.provisioning.DatasetProvisioned;
import io.meshwork.events.provisioning.DatasetRequested;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.events.provisioning.ResourceRef;
import io.meshwork.lineage.graph.GraphStore;
import io.meshwork.lineage.graph.NodeKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Puts the platform's own datasets in the graph: when provisioning-service has created a dataset's
 * storage, each table, topic and prefix becomes a dataset node named by its real storage URI (so
 * pipelines' OpenLineage events land on it), carrying the dataset's domain and owner and answering
 * to its platform name as an alias; deprovisioning marks them deleted. A redelivered event changes
 * nothing.
 */
@ApplicationScoped
public class ProvisioningEventsListener {

  private static final Logger LOG = Logger.getLogger(ProvisioningEventsListener.class);
  static final String CONSUMER = "lineage.provisioning-datasets";

  private static final String REMEMBER_DATASET =
      "INSERT INTO platform_dataset (dataset_id, domain, name, owner, updated_at)"
          + " VALUES (?, ?, ?, ?, now()) ON CONFLICT (dataset_id) DO UPDATE SET"
          + " domain = EXCLUDED.domain, name = EXCLUDED.name, owner = EXCLUDED.owner,"
          + " updated_at = now()";
  private static final String UPSERT_NODE =
      "INSERT INTO lineage_node (kind, namespace, name, first_seen, last_updated, domain,"
          + " owners, facets, aliases)"
          + " VALUES ('DATASET', ?, ?, ?, ?, ?,"
          + " COALESCE((SELECT jsonb_build_array(jsonb_build_object('name', owner, 'type', 'OWNER'))"
          + " FROM platform_dataset WHERE dataset_id = ? AND owner IS NOT NULL), '[]'::jsonb),"
          + " ?::jsonb, ?)"
          + " ON CONFLICT (kind, namespace, name) DO UPDATE SET"
          + " domain = EXCLUDED.domain,"
          // Datasets that share a storage location (an S3 prefix) each add their names.
          + " aliases = (SELECT array_agg(DISTINCT a ORDER BY a)"
          + " FROM unnest(lineage_node.aliases || EXCLUDED.aliases) AS a),"
          + " owners = CASE WHEN EXCLUDED.owners = '[]'::jsonb THEN lineage_node.owners"
          + " ELSE EXCLUDED.owners END,"
          + " facets = lineage_node.facets || EXCLUDED.facets, deleted_at = NULL,"
          + " last_updated = GREATEST(lineage_node.last_updated, EXCLUDED.last_updated),"
          + " version = lineage_node.version + 1, tx = pg_current_xact_id()::text::bigint";
  private static final String MARK_DELETED =
      "UPDATE lineage_node SET deleted_at = ?, version = version + 1,"
          + " tx = pg_current_xact_id()::text::bigint"
          + " WHERE kind = 'DATASET' AND namespace = ? AND name = ? AND deleted_at IS NULL";

  private final Inbox inbox;
  private final AgroalDataSource dataSource;
  private final StorageDatasets storage;
  private final GraphStore store;
  private final EventHandlers handlers;

  public ProvisioningEventsListener(
      Inbox inbox,
      EventCodec codec,
      AgroalDataSource dataSource,
      StorageDatasets storage,
      GraphStore store) {
    this.inbox = inbox;
    this.dataSource = dataSource;
    this.storage = storage;
    this.store = store;
    this.handlers =
        new EventHandlers(codec)
            .on(ProvisioningEvents.DATASET_REQUESTED, this::remember)
            .on(ProvisioningEvents.DATASET_PROVISIONED, this::addNodes)
            .on(ProvisioningEvents.DATASET_DEPROVISIONED, this::markDeleted);
  }

  @Retry(
      maxRetries = ConsumerRetries.MAX_RETRIES,
      delay = ConsumerRetries.DELAY_MILLIS,
      retryOn = JDBCConnectionException.class)
  @Incoming("provisioning-datasets")
  @Blocking
  public void onEvent(String payload, IncomingCloudEventMetadata<String> event) {
    boolean handled =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  if (!inbox.firstDelivery(CONSUMER, event.getId())) {
                    LOG.debugf("Skipping redelivered event %s", event.getId());
                    return false;
                  }
                  return handlers.dispatch(event.getType(), payload);
                });
    if (handled) {
      store.refresh();
    }
  }

  /**
   * What users call a provisioned dataset ({@code customer_segments}, and {@code
   * marketing/customer_segments} where several domains use the name): its node answers to both.
   */
  static String[] platformNames(DatasetProvisioned provisioned) {
    // Sorted, as the merge of several datasets' names on one node keeps them.
    return Stream.of(provisioned.name(), provisioned.domain() + "/" + provisioned.name())
        .sorted()
        .toArray(String[]::new);
  }

  /** The platform's name and owner of a requested dataset, for its nodes once provisioned. */
  private void remember(DatasetRequested requested) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement remember = connection.prepareStatement(REMEMBER_DATASET)) {
      remember.setObject(1, requested.datasetId());
      remember.setString(2, requested.domain());
      remember.setString(3, requested.name());
      remember.setString(
          4, requested.owner() != null ? requested.owner() : requested.requestedBy());
      remember.executeUpdate();
    }
  }

  /** Each data-holding resource becomes a node named by its storage, with the dataset's names. */
  private void addNodes(DatasetProvisioned provisioned) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert = connection.prepareStatement(UPSERT_NODE)) {
      Timestamp at =
          Timestamp.from(
              provisioned.provisionedAt() == null ? Instant.now() : provisioned.provisionedAt());
      for (ResourceRef resource : provisioned.resources()) {
        Optional<NodeKey> key = storage.datasetOf(resource);
        if (key.isEmpty()) {
          continue;
        }
        ObjectNode facets = JsonNodeFactory.instance.objectNode();
        facets
            .putObject("meshwork")
            .put("datasetId", provisioned.datasetId().toString())
            .put("dataset", provisioned.name())
            .put("storage", provisioned.storage())
            .put("resourceKind", resource.kind())
            .put("uri", resource.uri());
        upsert.setString(1, key.get().namespace());
        upsert.setString(2, key.get().name());
        upsert.setTimestamp(3, at);
        upsert.setTimestamp(4, at);
        upsert.setString(5, provisioned.domain());
        upsert.setObject(6, provisioned.datasetId());
        upsert.setString(7, facets.toString());
        upsert.setArray(8, connection.createArrayOf("text", platformNames(provisioned)));
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  /** Storage that was removed (not kept) marks its nodes deleted. */
  private void markDeleted(DatasetDeprovisioned gone) throws SQLException {
    if (gone.retained()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(MARK_DELETED)) {
      Timestamp at =
          Timestamp.from(gone.deprovisionedAt() == null ? Instant.now() : gone.deprovisionedAt());
      for (ResourceRef resource : gone.resources()) {
        Optional<NodeKey> key = storage.datasetOf(resource);
        if (key.isPresent()) {
          delete.setTimestamp(1, at);
          delete.setString(2, key.get().namespace());
          delete.setString(3, key.get().name());
          delete.addBatch();
        }
      }
      delete.executeBatch();
    }
  }
}
