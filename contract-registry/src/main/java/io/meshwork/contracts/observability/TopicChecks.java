package io.meshwork.contracts.observability;

import io.meshwork.contracts.config.ContractsConfig;
import io.meshwork.contracts.contract.testing.CheckResult;
import io.meshwork.web.problem.Incidents;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Kafka checks of a topic dataset: freshness (the newest record's timestamp over all partitions)
 * and a consumer group's lag (end offsets minus committed offsets). Reads only the last record of
 * each partition, with the broker's own timestamps.
 */
@ApplicationScoped
public class TopicChecks {

  private static final Logger LOG = Logger.getLogger(TopicChecks.class);

  private final String bootstrap;
  private final Duration timeout;
  private Admin admin;

  public TopicChecks(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ContractsConfig config) {
    this.bootstrap = bootstrap;
    this.timeout = config.observability().kafkaTimeout();
  }

  /** The age of the topic's newest record, in seconds; null if the topic holds none. */
  Double newestAgeSeconds(String topic) throws Exception {
    Map<TopicPartition, Long> ends = endOffsets(topic);
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> filled =
          ends.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
      if (filled.isEmpty()) {
        return null;
      }
      consumer.assign(filled);
      filled.forEach(partition -> consumer.seek(partition, ends.get(partition) - 1));
      long newest = -1;
      int seen = 0;
      long deadline = System.nanoTime() + timeout.toNanos();
      while (seen < filled.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset()
              == ends.get(new TopicPartition(record.topic(), record.partition())) - 1) {
            seen++;
          }
          newest = Math.max(newest, record.timestamp());
        }
      }
      return newest < 0 ? null : (System.currentTimeMillis() - newest) / 1000.0;
    }
  }

  /** Records of {@code topic} the group has not committed yet, over all partitions. */
  long lag(String topic, String group) throws Exception {
    Map<TopicPartition, Long> ends = endOffsets(topic);
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin()
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata at = committed.get(end.getKey());
      lag += end.getValue() - (at == null ? 0 : at.offset());
    }
    return lag;
  }

  /** A check that could not reach the broker: the reason for callers, the cause in the log. */
  static CheckResult unreachable(Expectation expectation, String object, Exception e) {
    return Checked.notRun(
        expectation, object, Incidents.record(LOG, "the Kafka topic could not be read", e));
  }

  private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
    List<TopicPartition> partitions =
        admin()
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .get(topic)
            .partitions()
            .stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    Map<TopicPartition, OffsetSpec> latest =
        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
        admin().listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return offsets.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private synchronized Admin admin() {
    if (admin == null) {
      Properties properties = new Properties();
      properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
      properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
      admin = Admin.create(properties);
    }
    return admin;
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}
