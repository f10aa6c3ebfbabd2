package io.meshwork.web.http;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the HTTP layer's own 401 a problem+json body. When an HTTP permission (not a resource's
 * annotation) turns an anonymous caller away, Quarkus asks the mechanisms for a challenge, highest
 * priority first, and OIDC's answers with an empty body. This one comes first, authenticates no
 * one, and answers the challenge like every other 401 of the platform.
 */
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

  private final HttpProblems problems;

  public ProblemChallenge(HttpProblems problems) {
    this.problems = problems;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    return Uni.createFrom().optional(Optional.empty());
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
  }

  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
    problems.unauthenticated(context);
    return Uni.createFrom().item(true);
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of();
  }

  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 500;
  }
}
