package io.meshwork.web.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every service answers who the caller is, as it sees the token: handy to debug access. */
@Path("/api/v1/me")
@Authenticated
public class MeResource {

  private final Caller caller;

  public MeResource(Caller caller) {
    this.caller = caller;
  }

  public record CallerResponse(String name, Set<String> roles, Set<String> domains) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The caller's name, realm roles and data domains, as this service reads the token")
  public CallerResponse me() {
    return new CallerResponse(caller.name(), caller.roles(), caller.domains());
  }
}
