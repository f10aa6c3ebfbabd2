package io.meshwork.contracts.auth;

import io.meshwork.contracts.config.ContractsConfig;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks a client id and secret the way Keycloak does: quarkus-oidc-client asks for a token with
 * the client-credentials grant, and the token is verified like any other. The resulting identity is
 * cached briefly per id and secret (a serializer sends them with every request), failures too.
 */
final class ClientCredentialsVerifier {

  private static final int MAX_ENTRIES = 10_000;

  private final Optional<String> realmUrl;
  private final Optional<String> tokenUrl;
  private final ContractsConfig.BasicAuth config;
  private final OidcClients clients;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  private record Entry(SecurityIdentity identity, long expiresAtNanos) {
    boolean valid() {
      return System.nanoTime() < expiresAtNanos;
    }
  }

  ClientCredentialsVerifier(
      Optional<String> realmUrl,
      Optional<String> tokenUrl,
      ContractsConfig.BasicAuth config,
      OidcClients clients) {
    this.realmUrl = realmUrl;
    this.tokenUrl = tokenUrl;
    this.config = config;
    this.clients = clients;
  }

  /**
   * @param verifyToken turns Keycloak's access token into an identity
   */
  Uni<SecurityIdentity> identity(
      BasicCredentials credentials, Function<String, Uni<SecurityIdentity>> verifyToken) {
    String key = credentials.clientId() + ":" + sha256(credentials.secret());
    Entry cached = cache.get(key);
    if (cached != null && cached.valid()) {
      return cached.identity() == null
          ? Uni.createFrom()
              .failure(new AuthenticationFailedException("Invalid client credentials"))
          : Uni.createFrom().item(cached.identity());
    }
    if (realmUrl.isEmpty() && tokenUrl.isEmpty()) {
      return Uni.createFrom()
          .failure(new AuthenticationFailedException("Basic authentication is not configured"));
    }
    return clients
        .newClient(clientOf(credentials))
        .flatMap(
            client ->
                client.getTokens().map(Tokens::getAccessToken).eventually(() -> close(client)))
        .onFailure()
        .transform(
            refused -> {
              remember(key, null, config.failureTtl());
              return new AuthenticationFailedException("Invalid client credentials", refused);
            })
        .flatMap(token -> verifyToken.apply(token))
        .invoke(identity -> remember(key, identity, config.cacheTtl()));
  }

  /** A client for these credentials only; discovery is skipped, the token endpoint is known. */
  private OidcClientConfig clientOf(BasicCredentials credentials) {
    // The client's own name (not the Keycloak client id), which OidcClients requires.
    OidcClientConfigBuilder builder =
        OidcClientConfig.builder().id("basic:" + credentials.clientId());
    realmUrl.ifPresent(builder::authServerUrl);
    builder
        .discoveryEnabled(false)
        .tokenPath(tokenUrl.orElse("protocol/openid-connect/token"))
        .clientId(credentials.clientId())
        .credentials(credentials.secret())
        .grant(OidcClientConfig.Grant.Type.CLIENT)
        .connectionTimeout(Duration.ofSeconds(10));
    return builder.build();
  }

  private static void close(OidcClient client) {
    try {
      client.close();
    } catch (IOException ignored) {
      // A client made for one token request holds nothing worth reporting.
    }
  }

  private void remember(String key, SecurityIdentity identity, Duration ttl) {
    if (cache.size() >= MAX_ENTRIES) {
      cache.entrySet().removeIf(e -> !e.getValue().valid());
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
    }
    cache.put(key, new Entry(identity, System.nanoTime() + ttl.toNanos()));
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
