package io.meshwork.governance.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.governance.product.GovernanceAccess;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AuditResource {

  private final AuditTrail audit;
  private final Caller caller;

  public AuditResource(AuditTrail audit, Caller caller) {
    this.audit = audit;
    this.caller = caller;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AuditEntryResponse(
      long id,
      String product,
      String domain,
      String version,
      AuditAction action,
      String actor,
      UUID reviewId,
      UUID evaluationId,
      JsonNode policies,
      JsonNode details,
      Instant at) {

    static AuditEntryResponse of(AuditEntry entry) {
      return new AuditEntryResponse(
          entry.id,
          entry.product,
          entry.domain,
          entry.version,
          entry.action,
          entry.actor,
          entry.reviewId,
          entry.evaluationId,
          entry.policies,
          entry.details,
          entry.occurredAt);
    }
  }

  @GET
  @RolesAllowed({
    Roles.GOVERNANCE_BOARD,
    Roles.PLATFORM_ADMIN,
    Roles.DOMAIN_OWNER,
    Roles.PLATFORM_SERVICE
  })
  @Operation(
      summary =
          "A product's audit trail, oldest first: evaluations (with the policy versions and"
              + " findings), review rounds, decisions and overrides, with who and when;"
              + " ?policies=true lists policy changes instead")
  public List<AuditEntryResponse> trail(
      @QueryParam("product") String product, @QueryParam("policies") boolean policies) {
    if (policies) {
      return audit.ofPolicies().stream().map(AuditEntryResponse::of).toList();
    }
    if (product == null || product.isBlank()) {
      throw InvalidRequestException.ofField(
          "governance.audit.product-required", "product", "name the product: ?product=<name>");
    }
    List<AuditEntry> entries = audit.ofProduct(product);
    if (!entries.isEmpty()) {
      GovernanceAccess.requireSees(caller, entries.get(0).domain);
    }
    return entries.stream().map(AuditEntryResponse::of).toList();
  }
}
