package io.meshwork.contracts.auth;

import io.meshwork.contracts.config.ContractsConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * HTTP Basic where the user name is a Keycloak client id and the password its secret, as Kafka
 * serializers and schema-registry clients send them. The pair is exchanged for a service-account
 * token at Keycloak (client credentials grant, by quarkus-oidc-client), which then goes through the
 * normal OIDC token verification; the outcome is cached briefly, failures too.
 */
@ApplicationScoped
public class ClientCredentialsBasicAuthMechanism implements HttpAuthenticationMechanism {

  private static final Logger LOG = Logger.getLogger(ClientCredentialsBasicAuthMechanism.class);

  private final ClientCredentialsVerifier verifier;

  public ClientCredentialsBasicAuthMechanism(
      ContractsConfig config,
      @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
      OidcClients clients) {
    this.verifier =
        new ClientCredentialsVerifier(
            authServerUrl, config.basicAuth().tokenUrl(), config.basicAuth(), clients);
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    Optional<BasicCredentials> credentials =
        BasicCredentials.parse(context.request().getHeader("Authorization"));
    if (credentials.isEmpty()) {
      return Uni.createFrom().optional(Optional.empty());
    }
    return verifier
        .identity(
            credentials.get(),
            token -> {
              TokenAuthenticationRequest request =
                  new TokenAuthenticationRequest(new AccessTokenCredential(token));
              HttpSecurityUtils.setRoutingContextAttribute(request, context);
              return identityProviderManager.authenticate(request);
            })
        .onFailure()
        .invoke(e -> LOG.debugf("Basic authentication of %s failed: %s", credentials.get(), e))
        .onFailure(e -> !(e instanceof AuthenticationFailedException))
        // A failed call to Keycloak says which host and port it tried; the cause keeps that.
        .transform(
            e -> new AuthenticationFailedException("Basic credentials could not be verified", e));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom()
        .item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"meshwork\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom()
        .item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "basic"));
  }
}
