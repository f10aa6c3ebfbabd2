package io.meshwork.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports of one set of servers; 0 means "pick a free one at start". */
public record InfraPorts(
    int postgres,
    int kafka,
    int kafkaController,
    int kafkaSasl,
    int keycloak,
    int keycloakManagement,
    int s3) {

  public static InfraPorts localDefaults() {
    return new InfraPorts(
        envPort("MESHWORK_POSTGRES_PORT", 15432),
        envPort("MESHWORK_KAFKA_PORT", 19092),
        envPort("MESHWORK_KAFKA_CONTROLLER_PORT", 19093),
        envPort("MESHWORK_KAFKA_SASL_PORT", 19094),
        envPort("MESHWORK_KEYCLOAK_PORT", 8180),
        envPort("MESHWORK_KEYCLOAK_MANAGEMENT_PORT", 9180),
        envPort("MESHWORK_S3_PORT", 18333));
  }

  public static InfraPorts dynamic() {
    return new InfraPorts(0, 0, 0, 0, 0, 0, 0);
  }

  /** Replaces every 0 with a port that is free right now. */
  public InfraPorts resolve() {
    return new InfraPorts(
        orFree(postgres),
        orFree(kafka),
        orFree(kafkaController),
        orFree(kafkaSasl),
        orFree(keycloak),
        orFree(keycloakManagement),
        orFree(s3));
  }

  private static int envPort(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static int orFree(int port) {
    if (port != 0) {
      return port;
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }
}
