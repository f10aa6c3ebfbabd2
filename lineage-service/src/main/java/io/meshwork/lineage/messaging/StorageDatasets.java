package io.meshwork.lineage.messaging;

import io.meshwork.events.provisioning.ResourceRef;
import io.meshwork.lineage.config.LineageConfig;
import io.meshwork.lineage.graph.NodeKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Names a provisioned resource the way OpenLineage integrations name the same storage, so that
 * lineage from pipelines lands on the platform's own nodes: a table is {@code postgres://host:port}
 * + {@code database.schema.table}, a topic {@code kafka://bootstrap} + topic, an S3 prefix {@code
 * s3://bucket} + prefix.
 */
@ApplicationScoped
public class StorageDatasets {

  private final LineageConfig config;

  public StorageDatasets(LineageConfig config) {
    this.config = config;
  }

  /** The dataset node of a resource that holds data; empty for roles, buckets and the like. */
  public Optional<NodeKey> datasetOf(ResourceRef resource) {
    String uri = resource.uri();
    if (uri == null) {
      return Optional.empty();
    }
    switch (resource.kind()) {
      case "POSTGRES_TABLE" -> {
        String path = strip(uri, "postgres://");
        String[] parts = path == null ? new String[0] : path.split("/");
        return parts.length == 3
            ? Optional.of(
                NodeKey.dataset(
                    config.storage().postgresNamespace(),
                    parts[0] + "." + parts[1] + "." + parts[2]))
            : Optional.empty();
      }
      case "KAFKA_TOPIC" -> {
        String topic = strip(uri, "kafka://");
        return topic == null || topic.isEmpty()
            ? Optional.empty()
            : Optional.of(NodeKey.dataset(config.storage().kafkaNamespace(), topic));
      }
      case "S3_PREFIX" -> {
        String path = strip(uri, "s3://");
        int slash = path == null ? -1 : path.indexOf('/');
        return slash <= 0
            ? Optional.empty()
            : Optional.of(
                NodeKey.dataset("s3://" + path.substring(0, slash), path.substring(slash + 1)));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static String strip(String uri, String scheme) {
    return uri.startsWith(scheme) ? uri.substring(scheme.length()) : null;
  }
}
