package io.meshwork.contracts.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.contracts.config.ContractsConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.ext.web.client.WebClient;
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

/** Exchanges client id/secret for a token at Keycloak and caches the resulting identity. */
final class ClientCredentialsVerifier {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ENTRIES = 10_000;

  private final Optional<String> tokenUrl;
  private final ContractsConfig.BasicAuth config;
  private final WebClient client;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  private record Entry(SecurityIdentity identity, long expiresAtNanos) {
    boolean valid() {
      return System.nanoTime() < expiresAtNanos;
    }
  }

  ClientCredentialsVerifier(
      Optional<String> tokenUrl, ContractsConfig.BasicAuth config, WebClient client) {
    this.tokenUrl = tokenUrl;
    this.config = config;
    this.client = client;
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
    if (tokenUrl.isEmpty()) {
      return Uni.createFrom()
          .failure(new AuthenticationFailedException("Basic authentication is not configured"));
    }
    // Vert.x' client answers on the caller's context, where the request's security work goes on.
    return client
        .postAbs(tokenUrl.get())
        .timeout(10_000)
        .sendForm(
            MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")
                .add("client_id", credentials.clientId())
                .add("client_secret", credentials.secret()))
        .onItem()
        .transformToUni(
            response -> {
              if (response.statusCode() != 200) {
                remember(key, null, config.failureTtl());
                return Uni.createFrom()
                    .failure(new AuthenticationFailedException("Invalid client credentials"));
              }
              return verifyToken
                  .apply(accessToken(response.bodyAsString()))
                  .invoke(identity -> remember(key, identity, config.cacheTtl()));
            });
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

  private static String accessToken(String body) {
    try {
      JsonNode token = JSON.readTree(body).get("access_token");
      if (token == null || !token.isTextual()) {
        throw new AuthenticationFailedException("Keycloak answered without an access token");
      }
      return token.asText();
    } catch (IOException e) {
      throw new AuthenticationFailedException("Keycloak answered with unreadable JSON", e);
    }
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
