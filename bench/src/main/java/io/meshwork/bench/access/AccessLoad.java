package io.meshwork.bench.access;

import io.meshwork.bench.support.Load;
import io.meshwork.bench.support.ServiceSettings;
import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Approve-to-grant latency on the real servers (./meshwork bench access).
 *
 * <p>Each sample is a product with two output ports, a PostgreSQL table and a Kafka topic, and an
 * access request for two of its columns brought (untimed) to a passed compliance check. Timed: from
 * sending the owner's {@code POST /api/v1/access-requests/{id}/approve} to contract-registry's
 * {@code activated} event, read off the broker: the approval, its event through the outbox,
 * provisioning-service applying the column-level GRANT and the topic and group ACLs, its event
 * back, and the signed agreement's event. Beside each, after the same pause: the floor, the same
 * grant run directly (the two GRANTs in one transaction over an open JDBC connection, then {@code
 * Admin.createAcls} with the same three bindings), and a trivial authenticated GET.
 */
public final class AccessLoad {

  private static final int SAMPLES = Integer.getInteger("bench.samples", 60);
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 15);
  private static final long PAUSE_MILLIS = Long.getLong("bench.pause", 100);

  private AccessLoad() {}

  public static void main(String[] args) throws Exception {
    try (ServiceEnvironment environment = ServiceEnvironment.create()) {
      Map<String, String> quiet = Map.of("QUARKUS_LOG_CONSOLE_LEVEL", "WARN");
      ServiceProcess provisioning =
          environment.start(
              "provisioning-service",
              ServiceSettings.of(
                  Map.of(
                      "QUARKUS_LOG_CONSOLE_LEVEL", "WARN",
                      "MESHWORK_PROVISIONING_DRIFT_INTERVAL", "1h")));
      ServiceProcess contracts = environment.start("contract-registry", ServiceSettings.of(quiet));
      String run = Fixtures.randomSuffix(6);
      Activations activations = new Activations(environment);
      try (Admin admin =
              Admin.create(
                  Map.of(
                      AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                      environment.kafkaBootstrapServers()));
          Connection warehouse =
              DriverManager.getConnection(
                  environment.jdbcUrl("warehouse"),
                  environment.infra().require("postgres.user"),
                  "");
          activations) {
        AccessWorkflow workflow =
            new AccessWorkflow(environment, provisioning.baseUrl(), contracts.baseUrl(), run);
        workflow.contract();
        Raw raw = new Raw(warehouse, admin, "bench_access_" + run);
        long[] platform = new long[SAMPLES];
        long[] direct = new long[SAMPLES];
        long[] trivial = new long[SAMPLES];
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
          String id = workflow.readyToApprove("p" + i);
          raw.prepare("t" + i);
          pause();
          long start = System.nanoTime();
          workflow.approve(id);
          long took = activations.await(id, start);
          pause();
          long floor = raw.grant("t" + i);
          pause();
          long get = workflow.trivial();
          if (i >= WARM_UP) {
            platform[i - WARM_UP] = took;
            direct[i - WARM_UP] = floor;
            trivial[i - WARM_UP] = get;
          }
        }
        report(platform, direct, trivial);
        raw.dropAll();
      } finally {
        contracts.close();
        provisioning.close();
      }
    }
  }

  private static void pause() throws InterruptedException {
    Thread.sleep(PAUSE_MILLIS);
  }

  private static void report(long[] platform, long[] raw, long[] trivial) {
    Load.Result ours = new Load.Result(platform.length, 0, 1, platform);
    Load.Result floor = new Load.Result(raw.length, 0, 1, raw);
    Load.Result get = new Load.Result(trivial.length, 0, 1, trivial);
    System.out.printf(
        "ACCESS approve -> grants applied -> ACTIVE (n=%d): p50 %.1f ms, p99 %.1f ms | raw GRANT +"
            + " createAcls p50 %.1f ms, p99 %.1f ms | ratio p50 %.2fx, p99 %.2fx (target <= 3x)%n",
        platform.length,
        ours.percentileMillis(50),
        ours.percentileMillis(99),
        floor.percentileMillis(50),
        floor.percentileMillis(99),
        ours.percentileMillis(50) / floor.percentileMillis(50),
        ours.percentileMillis(99) / floor.percentileMillis(99));
    System.out.printf(
        "ACCESS floor: trivial authenticated GET p50 %.1f ms, p99 %.1f ms; the approval crosses"
            + " three services and four events, each hop at least one such request's worth%n",
        get.percentileMillis(50), get.percentileMillis(99));
  }

  /** contract-registry's {@code activated} events, with the time each was read. */
  private static final class Activations implements AutoCloseable {
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    Activations(ServiceEnvironment environment) {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.kafkaBootstrapServers());
      props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
      props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      String topic = environment.topicPrefix() + AccessEvents.TOPIC;
      KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
      consumer.subscribe(List.of(topic));
      // Joined before the first sample, so no activation is missed.
      while (consumer.assignment().isEmpty()) {
        consumer.poll(Duration.ofMillis(100));
      }
      reader =
          new Thread(
              () -> {
                try (consumer) {
                  while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(5))) {
                      Header type = r.headers().lastHeader("ce_type");
                      if (type != null
                          && AccessEvents.ACTIVATED.type().equals(new String(type.value()))) {
                        seen.put(r.key(), System.nanoTime());
                      }
                    }
                  }
                }
              },
              "activations");
      reader.start();
    }

    long await(String id, long start) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        Long at = seen.get(id);
        if (at != null) {
          return at - start;
        }
        Thread.sleep(1);
      }
      throw new IllegalStateException("access request " + id + " did not become ACTIVE");
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      reader.join(5000);
    }
  }

  /** The same grant without the platform: on a table and a topic of the bench's own. */
  private static final class Raw {
    private static final String ROLE = "bench_access_consumer";
    private final Connection connection;
    private final Admin admin;
    private final String schema;

    Raw(Connection connection, Admin admin, String schema) throws Exception {
      this.connection = connection;
      this.admin = admin;
      this.schema = schema;
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        ddl.execute(
            "DO $$BEGIN CREATE ROLE "
                + ROLE
                + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END$$");
      }
    }

    void prepare(String name) throws Exception {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute(
            "CREATE TABLE "
                + schema
                + "."
                + name
                + " (customer_id text PRIMARY KEY, segment text, email text)");
      }
      admin
          .createTopics(List.of(new NewTopic(schema + "." + name, 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }

    long grant(String name) throws Exception {
      long start = System.nanoTime();
      connection.setAutoCommit(false);
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + ROLE);
        ddl.execute(
            "GRANT SELECT (customer_id, segment) ON " + schema + "." + name + " TO " + ROLE);
        connection.commit();
      } finally {
        connection.setAutoCommit(true);
      }
      String user = "User:" + ROLE;
      ResourcePattern topic =
          new ResourcePattern(ResourceType.TOPIC, schema + "." + name, PatternType.LITERAL);
      ResourcePattern groups = new ResourcePattern(ResourceType.GROUP, ROLE, PatternType.PREFIXED);
      admin
          .createAcls(
              List.of(
                  new AclBinding(topic, allow(user, AclOperation.READ)),
                  new AclBinding(topic, allow(user, AclOperation.DESCRIBE)),
                  new AclBinding(groups, allow(user, AclOperation.READ))))
          .all()
          .get(30, TimeUnit.SECONDS);
      return System.nanoTime() - start;
    }

    private static AccessControlEntry allow(String user, AclOperation operation) {
      return new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW);
    }

    void dropAll() throws Exception {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        ddl.execute("DROP ROLE IF EXISTS " + ROLE);
      }
    }
  }
}
