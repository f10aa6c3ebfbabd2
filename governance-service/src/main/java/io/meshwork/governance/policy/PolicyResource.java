package io.meshwork.governance.policy;

import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PolicyResource {

  public static final String HCL = "application/hcl";

  private final PolicyService policies;
  private final Caller caller;

  public PolicyResource(PolicyService policies, Caller caller) {
    this.policies = policies;
    this.caller = caller;
  }

  @PUT
  @Path("/{name}")
  @Consumes({HCL, "application/x-hcl", "text/x-hcl", MediaType.TEXT_PLAIN})
  @RolesAllowed({Roles.GOVERNANCE_BOARD, Roles.PLATFORM_ADMIN, Roles.DOMAIN_OWNER})
  @Operation(
      summary =
          "Declare a policy document in HCL (the seed's governance.hcl form): global, or local to"
              + " the domain its top-level domain attribute names. 201 for a new document, 200"
              + " otherwise; the same policies again change nothing, new ones are a new version and"
              + " queue the products they apply to for evaluation")
  public Response put(@PathParam("name") String name, String hcl) {
    PolicyService.Put put = policies.put(name, hcl, caller);
    return Response.status(put.created() ? 201 : 200)
        .location(UriBuilder.fromPath("/api/v1/policies/{name}").build(name))
        .entity(
            PolicyResponse.of(put.document(), put.version(), put.changed() ? put.queued() : null))
        .build();
  }

  @GET
  @Operation(summary = "Every policy document, global and domain-local, by name")
  public List<PolicyResponse.DocumentEntry> list() {
    return policies.documents().stream()
        .map(
            d -> new PolicyResponse.DocumentEntry(d.name, d.scope(), d.currentVersion, d.updatedAt))
        .toList();
  }

  @GET
  @Path("/{name}")
  @Produces({MediaType.APPLICATION_JSON, HCL})
  @Operation(
      summary =
          "The document's current version with its policies as read; with Accept:"
              + " application/hcl, the HCL as written")
  public Response get(
      @PathParam("name") String name, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    PolicyDocument document = policies.document(name);
    return version(document, document.currentVersion, accept);
  }

  @GET
  @Path("/{name}/versions")
  @Operation(summary = "Every version of the document, oldest first, with who made it and when")
  public List<PolicyResponse.VersionEntry> versions(@PathParam("name") String name) {
    return policies.versions(name).stream()
        .map(
            v ->
                new PolicyResponse.VersionEntry(
                    v.version(), PolicyService.names(v.policies), v.createdBy, v.createdAt))
        .toList();
  }

  @GET
  @Path("/{name}/versions/{version}")
  @Produces({MediaType.APPLICATION_JSON, HCL})
  @Operation(
      summary = "One version of the document, as JSON or (Accept: application/hcl) as written")
  public Response version(
      @PathParam("name") String name,
      @PathParam("version") int version,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return version(policies.document(name), version, accept);
  }

  @GET
  @Path("/{name}/diff")
  @Operation(
      summary =
          "What changed between two versions (default: the one before the current, and the"
              + " current): policies, enforcement levels and rules with their parameters")
  public PolicyDiff diff(
      @PathParam("name") String name,
      @QueryParam("from") Integer from,
      @QueryParam("to") Integer to) {
    PolicyDocument document = policies.document(name);
    int toVersion = to == null ? document.currentVersion : to;
    int fromVersion = from == null ? Math.max(1, toVersion - 1) : from;
    return PolicyDiff.between(
        name, policies.version(name, fromVersion), policies.version(name, toVersion));
  }

  private Response version(PolicyDocument document, int number, String accept) {
    PolicyVersion version = policies.version(document.name, number);
    if (accept != null && accept.contains(HCL) && !accept.contains(MediaType.APPLICATION_JSON)) {
      return Response.ok(version.hcl, HCL).build();
    }
    return Response.ok(PolicyResponse.of(document, version, null), MediaType.APPLICATION_JSON)
        .build();
  }
}
