package io.meshwork.lineage.security;

import io.meshwork.lineage.config.LineageConfig;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets pipelines send lineage with an API key, the way OpenLineage clients are configured ({@code
 * Authorization: Bearer <key>}). Only SHA-256 hashes of keys are configured; a key that matches one
 * is a caller with the single role {@value #LINEAGE_WRITER}. A bearer value that looks like a JWT,
 * or matches no key, is left to OIDC, which answers 401 as for any bad token.
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism {

  public static final String LINEAGE_WRITER = "lineage-writer";
  private static final String BEARER = "bearer ";

  private final List<byte[]> hashes;

  public ApiKeyAuthentication(LineageConfig config) {
    this.hashes =
        config.intake().apiKeys().orElse(List.of()).stream()
            .map(hash -> HexFormat.of().parseHex(hash.trim().toLowerCase(Locale.ROOT)))
            .toList();
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String header = context.request().getHeader("Authorization");
    if (hashes.isEmpty()
        || header == null
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Uni.createFrom().optional(java.util.Optional.empty());
    }
    String key = header.substring(BEARER.length()).trim();
    if (key.chars().filter(c -> c == '.').count() == 2) {
      return Uni.createFrom().optional(java.util.Optional.empty());
    }
    byte[] hash = sha256(key);
    for (byte[] known : hashes) {
      if (MessageDigest.isEqual(known, hash)) {
        SecurityIdentity identity =
            QuarkusSecurityIdentity.builder()
                .setPrincipal(
                    new QuarkusPrincipal("api-key:" + HexFormat.of().formatHex(hash, 0, 4)))
                .addRole(LINEAGE_WRITER)
                .build();
        return Uni.createFrom().item(identity);
      }
    }
    return Uni.createFrom().optional(java.util.Optional.empty());
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().nullItem();
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of();
  }

  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 100;
  }

  public static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
