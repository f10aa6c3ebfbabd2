package io.meshwork.catalog.domain;

import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/domains")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DomainResource {

  private final DomainService domains;
  private final Caller caller;

  public DomainResource(DomainService domains, Caller caller) {
    this.domains = domains;
    this.caller = caller;
  }

  /** A new domain: its name and the team that owns it. */
  public record CreateDomainRequest(
      @NotBlank(message = "is required")
          @Pattern(
              regexp = "^[a-z][a-z0-9_-]{0,62}$",
              message = "must be lower case letters, digits, _ and -, starting with a letter")
          String name,
      @NotBlank(message = "is required")
          @Size(max = 255, message = "must be at most 255 characters")
          String ownerTeam,
      @Size(max = 2000, message = "must be at most 2000 characters") String description) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PLATFORM_ADMIN)
  @Operation(summary = "Create a data domain (platform-admin); 201, or 409 if the name is taken")
  public Response create(
      @NotNull(message = "a JSON body is required") @Valid CreateDomainRequest request) {
    DomainResponse created = domains.create(request, caller);
    return Response.created(UriBuilder.fromPath("/api/v1/domains/{name}").build(created.name()))
        .entity(created)
        .build();
  }

  @GET
  @Operation(
      summary =
          "The Domain Ownership Matrix: each domain, its owner team, its data products and their"
              + " service levels")
  public List<DomainResponse> list() {
    return domains.matrix();
  }

  @GET
  @Path("/{name}")
  @Operation(summary = "One domain of the matrix")
  public DomainResponse get(@PathParam("name") String name) {
    return domains.one(name);
  }
}
