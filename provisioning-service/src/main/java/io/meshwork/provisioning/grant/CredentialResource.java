package io.meshwork.provisioning.grant;

import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.ResourceNotFoundException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.DomainAccessDeniedException;
import io.meshwork.web.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Consumers' grants and their one-time credentials. */
@Path("/api/v1/grants")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CredentialResource {

  private final Caller caller;

  public CredentialResource(Caller caller) {
    this.caller = caller;
  }

  /** A grant as applied. */
  public record GrantResponse(
      UUID id,
      UUID accessRequest,
      String principal,
      String dataset,
      String kind,
      String resource,
      String privileges,
      String outcome,
      String detail,
      Instant appliedAt,
      Instant revokedAt) {}

  /** The consumer's login for the warehouse; the secret is in no other answer, ever. */
  public record Credentials(String principal, String username, String password) {}

  @GET
  @RolesAllowed({
    Roles.DATA_CONSUMER,
    Roles.DOMAIN_OWNER,
    Roles.PLATFORM_ADMIN,
    Roles.GOVERNANCE_BOARD
  })
  @Operation(summary = "The grants made for an access request, each with its outcome")
  public List<GrantResponse> list(@QueryParam("accessRequest") UUID request) {
    if (request == null) {
      throw InvalidRequestException.ofField(
          "provisioning.grants.request-required", "accessRequest", "is required: the request's id");
    }
    return DatasetGrant.<DatasetGrant>list("requestId = ?1 order by appliedAt", request).stream()
        .map(
            g ->
                new GrantResponse(
                    g.id,
                    g.requestId,
                    g.principal,
                    g.dataset,
                    g.kind,
                    g.resource,
                    g.privileges,
                    g.outcome,
                    g.detail,
                    g.appliedAt,
                    g.revokedAt))
        .toList();
  }

  @POST
  @Path("/credentials/{principal}")
  @Transactional
  @RolesAllowed({Roles.DATA_CONSUMER, Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(
      summary =
          "The consumer fetches its warehouse login, once: a second call is a 409 (ask the"
              + " platform team to reset it)")
  public Credentials fetch(@PathParam("principal") String principal) {
    ConsumerCredential credential = ConsumerCredential.findById(principal);
    if (credential == null) {
      throw new ResourceNotFoundException(
          "provisioning.credentials.not-found", "No login was made for " + principal);
    }
    boolean own =
        credential.consumer.equals(caller.name())
            || (credential.consumerDomain != null
                && caller.domains().contains(credential.consumerDomain));
    if (!own) {
      throw new DomainAccessDeniedException(
          caller.name() + " is not the consumer " + principal + " was made for");
    }
    if (credential.secret == null) {
      throw new ConflictException(
          "provisioning.credentials.already-fetched",
          "The login of " + principal + " was handed out at " + credential.retrievedAt);
    }
    String secret = credential.secret;
    credential.secret = null;
    credential.retrievedAt = Instant.now();
    return new Credentials(principal, principal, secret);
  }
}
