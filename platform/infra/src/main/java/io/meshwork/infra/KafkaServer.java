package io.meshwork.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), in this JVM.
 *
 * <p>Two client listeners: the platform's own services use the plaintext one, whose anonymous
 * principal is a super user; consumers of data products sign in with SASL/SCRAM on the other, where
 * the StandardAuthorizer lets them read only what an ACL grants (access agreements).
 */
final class KafkaServer implements Server {

  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private final int saslPort;
  private KafkaRaftServer server;

  KafkaServer(Path logDir, InfraPorts ports) {
    this.logDir = logDir;
    this.port = ports.kafka();
    this.controllerPort = ports.kafkaController();
    this.saslPort = ports.kafkaSasl();
  }

  @Override
  public Component component() {
    return Component.KAFKA;
  }

  @Override
  public void start(InfraState state) throws Exception {
    Files.createDirectories(logDir);
    Properties props = brokerProperties();
    KafkaConfig config = new KafkaConfig(props, false);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      // Formatting twice fails with "Invalid cluster.id": only a fresh log dir is formatted.
      new Formatter()
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logDir.toString()))
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logDir.toString())
          .run();
    }
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    String bootstrap = "127.0.0.1:" + port;
    awaitBroker(bootstrap);
    state
        .put("kafka.bootstrap-servers", bootstrap)
        .put("kafka.sasl-bootstrap-servers", "127.0.0.1:" + saslPort)
        .put("kafka.sasl-mechanism", "SCRAM-SHA-512")
        .put("kafka.log-dir", logDir.toString());
  }

  private Properties brokerProperties() {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:"
            + port
            + ",CONTROLLER://127.0.0.1:"
            + controllerPort
            + ",SASL://127.0.0.1:"
            + saslPort);
    props.put(
        "advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL://127.0.0.1:" + saslPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL:SASL_PLAINTEXT");
    props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
    props.put(
        "listener.name.sasl.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    // Loopback plaintext and the controller carry no identity: only the platform reaches them.
    props.put("super.users", "User:ANONYMOUS");
    props.put("allow.everyone.if.no.acl.found", "false");
    props.put("log.dirs", logDir.toString());
    props.put("num.partitions", "3");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "2");
    props.put("auto.create.topics.enable", "true");
    props.put("delete.topic.enable", "true");
    return props;
  }

  private static void awaitBroker(String bootstrap) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try (Admin admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                  AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                  AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
        admin.describeCluster().nodes().get();
        return;
      } catch (Exception e) {
        last = e;
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("Kafka broker did not come up at " + bootstrap, last);
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
    }
  }
}
