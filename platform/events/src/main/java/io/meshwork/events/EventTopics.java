package io.meshwork.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Kafka settings shared by producers and consumers. The optional topic prefix lets several
 * environments (or test runs) share one cluster without seeing each other's events.
 */
@ConfigMapping(prefix = "meshwork.kafka")
public interface EventTopics {

  /** Prepended to every logical topic name, e.g. {@code staging.}. */
  Optional<String> topicPrefix();

  /** Partitions of topics the platform creates. */
  @WithDefault("3")
  int partitions();

  /** Replication factor of topics the platform creates. */
  @WithDefault("1")
  short replicationFactor();

  default String physical(String logicalTopic) {
    return topicPrefix().orElse("") + logicalTopic;
  }
}
