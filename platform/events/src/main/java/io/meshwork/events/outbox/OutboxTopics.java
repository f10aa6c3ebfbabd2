package io.meshwork.events.outbox;

import io.meshwork.events.EventTopics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates a topic before the first event is sent to it, with the platform's partitions and
 * replication, rather than relying on a broker's auto-creation defaults.
 */
@ApplicationScoped
public class OutboxTopics {

  private final Map<String, Object> kafkaConfig;
  private final EventTopics topics;
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private volatile Admin admin;

  public OutboxTopics(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, EventTopics topics) {
    this.kafkaConfig = kafkaConfig;
    this.topics = topics;
  }

  public void ensureExists(String topic) {
    if (known.contains(topic)) {
      return;
    }
    try {
      admin()
          .createTopics(
              List.of(new NewTopic(topic, topics.partitions(), topics.replicationFactor())))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create topic " + topic, e);
    }
    known.add(topic);
  }

  private Admin admin() {
    if (admin == null) {
      synchronized (this) {
        if (admin == null) {
          admin = Admin.create(Map.copyOf(kafkaConfig));
        }
      }
    }
    return admin;
  }

  @PreDestroy
  void close() {
    if (admin != null) {
      admin.close();
    }
  }
}
