package io.meshwork.testing;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers' single-node Kafka with the broker setup of the project's own (and of
 * deploy/docker-compose.yml): besides the plaintext listener, a SASL/SCRAM-SHA-512 listener
 * reachable from the host, and the StandardAuthorizer with no access where no ACL grants it. The
 * plaintext listener carries no identity and is a super user, as only the platform reaches it.
 */
final class ScramKafkaContainer extends KafkaContainer {

  private static final int SASL_PORT = 9095;

  /**
   * Where {@link KafkaContainer}'s command waits for the start script (see containerIsStarting).
   */
  private static final String STARTER_SCRIPT = "/tmp/testcontainers_start.sh";

  ScramKafkaContainer(DockerImageName image) {
    super(image);
    addExposedPort(SASL_PORT);
    // KafkaContainer's listeners (9092 for clients, 9093 between brokers, 9094 the controller)
    // plus SASL.
    withEnv(
        "KAFKA_LISTENERS",
        "PLAINTEXT://0.0.0.0:9092,BROKER://0.0.0.0:9093,CONTROLLER://0.0.0.0:9094,SASL://0.0.0.0:"
            + SASL_PORT);
    withEnv(
        "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
        "BROKER:PLAINTEXT,PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL:SASL_PLAINTEXT");
    withEnv("KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512");
    withEnv(
        "KAFKA_LISTENER_NAME_SASL_SCRAM___SHA___512_SASL_JAAS_CONFIG",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    withEnv(
        "KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    withEnv("KAFKA_SUPER_USERS", "User:ANONYMOUS");
    withEnv("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
    withEnv("KAFKA_NUM_PARTITIONS", "3");
    withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1");
    withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
  }

  String saslBootstrapServers() {
    return getHost() + ":" + getMappedPort(SASL_PORT);
  }

  /**
   * Advertises the host's mapped ports, which are only known once the container runs: the same
   * start script KafkaContainer writes, with the SASL listener added to it.
   */
  @Override
  protected void containerIsStarting(InspectContainerResponse containerInfo) {
    String advertised =
        String.join(
            ",",
            "PLAINTEXT://" + getBootstrapServers(),
            "BROKER://" + containerInfo.getConfig().getHostName() + ":9093",
            "SASL://" + saslBootstrapServers());
    String script =
        "#!/bin/bash\n"
            + "export KAFKA_ADVERTISED_LISTENERS="
            + advertised
            + "\n"
            + "/etc/kafka/docker/run\n";
    copyFileToContainer(Transferable.of(script, 0777), STARTER_SCRIPT);
  }
}
