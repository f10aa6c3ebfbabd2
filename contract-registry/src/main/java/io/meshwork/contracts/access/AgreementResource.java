package io.meshwork.contracts.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.contracts.config.ContractsConfig;
import io.meshwork.contracts.contract.ConsumerAgreement;
import io.meshwork.web.problem.ResourceNotFoundException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
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

/** The agreements access requests became: the signed contracts between consumer and producer. */
@Path("/api/v1/agreements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

  private final AccessDecisions decisions;
  private final ContractsConfig config;
  private final Caller caller;

  public AgreementResource(AccessDecisions decisions, ContractsConfig config, Caller caller) {
    this.decisions = decisions;
    this.config = config;
    this.caller = caller;
  }

  /** An agreement as signed: immutable once ACTIVE, but for its end. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AgreementResponse(
      UUID id,
      UUID accessRequest,
      String product,
      String consumer,
      String consumerDomain,
      String principal,
      String contractId,
      String contractVersion,
      int major,
      List<String> fields,
      JsonNode sla,
      String purpose,
      String status,
      Instant signedAt,
      Instant expiresAt,
      Instant endedAt,
      Instant confirmedAt) {

    static AgreementResponse of(ConsumerAgreement a, AccessRequest request) {
      return new AgreementResponse(
          a.id,
          a.accessRequest,
          a.product,
          a.consumer,
          a.consumerDomain,
          request == null ? null : request.principal,
          a.contractId,
          a.contractVersion,
          a.major,
          a.fields,
          a.sla,
          a.purpose,
          a.status,
          a.createdAt,
          a.expiresAt,
          a.endedAt,
          request == null ? null : request.confirmedAt);
    }
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
          "Agreements made by access requests, by product and consumer, that the caller takes"
              + " part in; ACTIVE ones unless all=true")
  public List<AgreementResponse> list(
      @QueryParam("product") String product,
      @QueryParam("consumer") String consumer,
      @QueryParam("all") boolean all) {
    StringBuilder query = new StringBuilder("accessRequest is not null");
    Parameters parameters = new Parameters();
    if (product != null) {
      query.append(" and product = :product");
      parameters = parameters.and("product", product);
    }
    if (consumer != null) {
      query.append(" and (consumer = :consumer or consumerDomain = :consumer)");
      parameters = parameters.and("consumer", consumer);
    }
    if (!all) {
      query.append(" and status = :status");
      parameters = parameters.and("status", ConsumerAgreement.ACTIVE);
    }
    return ConsumerAgreement.<ConsumerAgreement>find(query + " order by createdAt", parameters)
        .page(0, 1000)
        .list()
        .stream()
        .map(a -> new Object[] {a, AccessRequest.<AccessRequest>findById(a.accessRequest)})
        .filter(p -> p[1] != null && AccessQueries.maySee((AccessRequest) p[1], caller))
        .map(p -> AgreementResponse.of((ConsumerAgreement) p[0], (AccessRequest) p[1]))
        .toList();
  }

  @GET
  @Path("/review-due")
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN, Roles.GOVERNANCE_BOARD})
  @Operation(
      summary =
          "The periodic review: ACTIVE agreements of the caller's domains not confirmed for"
              + " meshwork.contracts.access.review-after (default 90 days)")
  public List<AgreementResponse> reviewDue() {
    Instant before = Instant.now().minus(config.access().reviewAfter());
    return AccessRequest.<AccessRequest>list(
            "status = ?1 and coalesce(confirmedAt, updatedAt) <= ?2 order by updatedAt",
            AccessStatus.ACTIVE,
            before)
        .stream()
        .filter(r -> AccessQueries.isProducer(r, caller) || caller.hasRole(Roles.GOVERNANCE_BOARD))
        .filter(r -> r.agreementId != null)
        .map(r -> AgreementResponse.of(ConsumerAgreement.findById(r.agreementId), r))
        .toList();
  }

  @POST
  @Path("/{id}/confirm")
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(summary = "The producer confirms at the periodic review that the agreement goes on")
  public AgreementResponse confirm(@PathParam("id") UUID id) {
    ConsumerAgreement agreement = ConsumerAgreement.findById(id);
    if (agreement == null || agreement.accessRequest == null) {
      throw new ResourceNotFoundException(
          "contracts.agreement.not-found", "There is no agreement " + id + " of an access request");
    }
    AccessRequest request = decisions.confirm(agreement.accessRequest, caller);
    return AgreementResponse.of(agreement, request);
  }
}
