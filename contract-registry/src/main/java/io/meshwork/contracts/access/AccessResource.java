package io.meshwork.contracts.access;

import io.meshwork.contracts.access.AccessRequests.Counter;
import io.meshwork.contracts.access.AccessRequests.Decision;
import io.meshwork.contracts.access.AccessRequests.NewRequest;
import io.meshwork.contracts.access.AccessRequests.Proposal;
import io.meshwork.web.problem.MalformedRequestException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Access requests to data products: ask, negotiate, decide. */
@Path("/api/v1/access-requests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AccessResource {

  private final AccessService access;
  private final AccessDecisions decisions;
  private final Caller caller;

  public AccessResource(AccessService access, AccessDecisions decisions, Caller caller) {
    this.access = access;
    this.decisions = decisions;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.DATA_CONSUMER,
    Roles.DOMAIN_OWNER,
    Roles.PLATFORM_ADMIN,
    Roles.GOVERNANCE_BOARD
  })
  @Operation(
      summary =
          "Ask for access to a published data product: output ports, fields, purpose, the service"
              + " level needed and until when (at most the product's maxAccess); 201")
  public Response request(NewRequest body) {
    AccessRequest request = access.request(required(body), caller);
    return Response.created(URI.create("/api/v1/access-requests/" + request.id))
        .entity(AccessResponse.of(request, true))
        .build();
  }

  @GET
  @RolesAllowed({
    Roles.DATA_CONSUMER,
    Roles.DOMAIN_OWNER,
    Roles.PLATFORM_ADMIN,
    Roles.GOVERNANCE_BOARD
  })
  @Operation(
      summary =
          "Access requests the caller takes part in (as consumer, producing domain owner or"
              + " board), newest first, by product and status")
  public List<AccessResponse> list(
      @QueryParam("product") String product, @QueryParam("status") AccessStatus status) {
    StringBuilder query = new StringBuilder("1 = 1");
    if (product != null) {
      query.append(" and product = :product");
    }
    if (status != null) {
      query.append(" and status = :status");
    }
    Parameters parameters = new Parameters();
    if (product != null) {
      parameters = parameters.and("product", product);
    }
    if (status != null) {
      parameters = parameters.and("status", status);
    }
    return AccessRequest.<AccessRequest>find(query + " order by createdAt desc", parameters)
        .page(0, 500)
        .list()
        .stream()
        .filter(r -> AccessQueries.maySee(r, caller))
        .map(r -> AccessResponse.of(r, false))
        .toList();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({
    Roles.DATA_CONSUMER,
    Roles.DOMAIN_OWNER,
    Roles.PLATFORM_ADMIN,
    Roles.GOVERNANCE_BOARD
  })
  @Operation(summary = "One request with every step: offers, decisions, grants")
  public AccessResponse get(@PathParam("id") UUID id) {
    return AccessResponse.of(AccessQueries.visible(id, caller), true);
  }

  @POST
  @Path("/{id}/propose")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(
      summary =
          "The producing domain's owner offers a contract version and a service level"
              + " (REQUESTED -> PROPOSED)")
  public AccessResponse propose(@PathParam("id") UUID id, Proposal body) {
    return AccessResponse.of(access.propose(id, required(body), caller), true);
  }

  @POST
  @Path("/{id}/counter")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.DATA_CONSUMER, Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(summary = "Either side counters the service level, with why (-> NEGOTIATING)")
  public AccessResponse counter(@PathParam("id") UUID id, Counter body) {
    return AccessResponse.of(access.counter(id, required(body), caller), true);
  }

  @POST
  @Path("/{id}/accept")
  @RolesAllowed({Roles.DATA_CONSUMER, Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(
      summary =
          "The side that did not make the last offer accepts it; governance checks the request"
              + " (-> COMPLIANCE_CHECK)")
  public AccessResponse accept(@PathParam("id") UUID id) {
    return AccessResponse.of(access.accept(id, caller), true);
  }

  @POST
  @Path("/{id}/approve")
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN, Roles.GOVERNANCE_BOARD})
  @Operation(
      summary =
          "Approve once governance passed it (producing domain owner; the board where governance"
              + " asks for it); the grants are applied next (-> APPROVED, then ACTIVE)")
  public AccessResponse approve(@PathParam("id") UUID id, Decision body) {
    return AccessResponse.of(
        decisions.approve(id, body == null ? null : body.reason(), caller), true);
  }

  @POST
  @Path("/{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.DATA_CONSUMER,
    Roles.DOMAIN_OWNER,
    Roles.PLATFORM_ADMIN,
    Roles.GOVERNANCE_BOARD
  })
  @Operation(summary = "Reject (or, as the consumer, withdraw) an open request, with the reason")
  public AccessResponse reject(@PathParam("id") UUID id, Decision body) {
    return AccessResponse.of(decisions.reject(id, required(body).reason(), caller), true);
  }

  @POST
  @Path("/{id}/revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.DATA_CONSUMER,
    Roles.DOMAIN_OWNER,
    Roles.PLATFORM_ADMIN,
    Roles.GOVERNANCE_BOARD
  })
  @Operation(summary = "End an ACTIVE agreement now, with the reason; its grants are taken back")
  public AccessResponse revoke(@PathParam("id") UUID id, Decision body) {
    return AccessResponse.of(decisions.revoke(id, required(body).reason(), caller), true);
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw new MalformedRequestException(
          "contracts.access.body-required", "A JSON body is required");
    }
    return body;
  }
}
