package io.meshwork.testing;

import io.meshwork.infra.Component;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads and writes the real test broker from a test, with the same topic prefix the service under
 * test was given.
 */
public final class TestKafka {

  private TestKafka() {}

  public static String bootstrapServers() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  public static String topic(String logical) {
    return ConfigProvider.getConfig()
            .getOptionalValue("meshwork.kafka.topic-prefix", String.class)
            .orElse("")
        + logical;
  }

  /** Reads {@code topic} from the beginning until a record matches or the timeout passes. */
  public static List<ConsumerRecord<String, String>> awaitRecords(
      String topic, Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> matches = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline && matches.isEmpty()) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (wanted.test(record)) {
            matches.add(record);
          }
        }
      }
      // Collect whatever else is already there (e.g. a duplicate) for a moment longer.
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        if (wanted.test(record)) {
          matches.add(record);
        }
      }
    }
    return matches;
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Sends a binary-mode CloudEvent, as the platform's outbox relay does. */
  public static void sendCloudEvent(
      String topic, String key, String id, String type, String source, String json) {
    sendCloudEvent(bootstrapServers(), topic, key, id, type, source, json);
  }

  /** The same, to the broker at {@code bootstrap} (tests that run services as processes). */
  public static void sendCloudEvent(
      String bootstrap,
      String topic,
      String key,
      String id,
      String type,
      String source,
      String json) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
      Map.of(
              "ce_specversion",
              "1.0",
              "ce_id",
              id,
              "ce_type",
              type,
              "ce_source",
              source,
              "ce_time",
              Instant.now().toString(),
              "content-type",
              "application/json")
          .forEach(
              (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot send test event to " + topic, e);
    }
  }

  /** The broker's SASL/SCRAM listener, where consumers of data products sign in. */
  public static String saslBootstrapServers() {
    return TestServers.ensureRunning(Component.KAFKA).require("kafka.sasl-bootstrap-servers");
  }

  /**
   * Reads {@code topic} as SCRAM user {@code user} in consumer group {@code group} until a record
   * comes or the timeout passes; the broker's refusal is thrown as its AuthorizationException.
   */
  public static List<String> readAs(
      String bootstrap, String user, String password, String group, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    props.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
    props.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline && values.isEmpty()) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }
}
