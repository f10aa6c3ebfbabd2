package io.meshwork.contracts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "meshwork.contracts")
public interface ContractsConfig {

  BasicAuth basicAuth();

  /**
   * HTTP Basic with a Keycloak client's id and secret, for Kafka serializers and similar clients.
   */
  interface BasicAuth {

    /** Keycloak's token endpoint; derived from quarkus.oidc.auth-server-url when unset. */
    Optional<String> tokenUrl();

    /** How long a verified client id/secret pair is trusted before Keycloak is asked again. */
    @WithDefault("60s")
    Duration cacheTtl();

    /** Failed pairs are refused without asking Keycloak for this long. */
    @WithDefault("5s")
    Duration failureTtl();
  }
}
