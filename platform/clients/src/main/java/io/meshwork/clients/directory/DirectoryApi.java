package io.meshwork.clients.directory;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Keycloak's admin API, read only: who the realm's users and groups are. Base URL {@code
 * quarkus.rest-client.directory.url} is the Keycloak server ({@code MESHWORK_KEYCLOAK_URL}); the
 * calling service account needs realm-management's {@code view-users} and {@code query-groups}.
 */
@RegisterRestClient(configKey = "directory")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Path("/admin/realms/{realm}")
public interface DirectoryApi {

  @GET
  @Path("/users")
  List<DirectoryUser> usersByEmail(
      @PathParam("realm") String realm,
      @QueryParam("email") String email,
      @QueryParam("exact") boolean exact);

  @GET
  @Path("/users")
  List<DirectoryUser> usersByUsername(
      @PathParam("realm") String realm,
      @QueryParam("username") String username,
      @QueryParam("exact") boolean exact);

  /** Groups whose name is {@code search} (with {@code exact}), with their attributes. */
  @GET
  @Path("/groups")
  List<DirectoryGroup> groupsByName(
      @PathParam("realm") String realm,
      @QueryParam("search") String search,
      @QueryParam("exact") boolean exact,
      @QueryParam("briefRepresentation") boolean brief);

  /** Groups by attribute: {@code q} is {@code key:value}, such as {@code email:team@x.com}. */
  @GET
  @Path("/groups")
  List<DirectoryGroup> groupsByAttribute(
      @PathParam("realm") String realm,
      @QueryParam("q") String query,
      @QueryParam("briefRepresentation") boolean brief);
}
