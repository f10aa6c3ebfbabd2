package io.meshwork.clients.registry;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * contract-registry's Confluent-compatible schema registry, as other services read it. Base URL
 * {@code quarkus.rest-client.schema-registry.url}. A refusal arrives as a {@link
 * jakarta.ws.rs.WebApplicationException} carrying the registry's response; {@link RegistryError}
 * reads Confluent's body from it.
 */
@RegisterRestClient(configKey = "schema-registry")
@OidcClientFilter
@Produces(SchemaRegistryApi.MEDIA_TYPE)
public interface SchemaRegistryApi {

  String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

  @GET
  @Path("/subjects/{subject}/versions/{version}")
  SubjectVersion version(@PathParam("subject") String subject, @PathParam("version") int version);

  @GET
  @Path("/schemas/ids/{id}")
  SchemaById schemaById(@PathParam("id") int id);
}
