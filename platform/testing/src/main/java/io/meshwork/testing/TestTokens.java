package io.meshwork.testing;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens signed with a key pair made for this test JVM. The service verifies them for real
 * (signature, issuer, audience, expiry) against the public key {@link MeshworkTestResource} hands
 * it; their claims have the shape Keycloak's meshwork realm issues.
 */
public final class TestTokens {

  public static final String ISSUER = "https://meshwork.test/realms/meshwork";
  public static final String AUDIENCE = "meshwork-api";

  private static final KeyPair KEYS = generate();

  private TestTokens() {}

  public static String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
  }

  public static Builder user(String name) {
    return new Builder(name);
  }

  public static String domainOwner(String... domains) {
    return user("owner-" + String.join("-", domains)).roles("domain-owner").domains(domains).sign();
  }

  public static String platformAdmin() {
    return user("admin").roles("platform-admin").sign();
  }

  public static String consumer(String... domains) {
    return user("consumer").roles("data-consumer").domains(domains).sign();
  }

  /** A token with no realm roles at all. */
  public static String noRoles() {
    return user("nobody").sign();
  }

  public static final class Builder {
    private final String name;
    private final List<String> roles = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();
    private String issuer = ISSUER;
    private String audience = AUDIENCE;
    private Duration lifetime = Duration.ofMinutes(10);

    private Builder(String name) {
      this.name = name;
    }

    public Builder roles(String... values) {
      roles.addAll(List.of(values));
      return this;
    }

    public Builder domains(String... values) {
      domains.addAll(List.of(values));
      return this;
    }

    public Builder issuer(String value) {
      issuer = value;
      return this;
    }

    public Builder audience(String value) {
      audience = value;
      return this;
    }

    /** A negative lifetime gives an already expired token. */
    public Builder lifetime(Duration value) {
      lifetime = value;
      return this;
    }

    public String sign() {
      long now = System.currentTimeMillis() / 1000;
      return Jwt.issuer(issuer)
          .subject(UUID.nameUUIDFromBytes(name.getBytes()).toString())
          .preferredUserName(name)
          .audience(audience)
          .issuedAt(now - 5)
          .expiresAt(now + lifetime.toSeconds())
          .claim("realm_access", Map.of("roles", roles))
          .claim("domains", domains)
          .jws()
          .keyId("meshwork-test")
          .sign(KEYS.getPrivate());
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
