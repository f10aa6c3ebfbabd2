package io.meshwork.lineage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.lineage.security.ApiKeyAuthentication;
import io.meshwork.web.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OpenLineage intake, as Marquez serves it: the official clients' HTTP transport posts here. It
 * answers 201 with a body, never 204, which the Java client treats as an error.
 */
@Path("/api/v1/lineage")
@Tag(name = "Lineage intake")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.PLATFORM_SERVICE,
  Roles.PLATFORM_ADMIN,
  Roles.DOMAIN_OWNER,
  ApiKeyAuthentication.LINEAGE_WRITER
})
public class LineageIntakeResource {

  private final LineageIntake intake;

  public LineageIntakeResource(LineageIntake intake) {
    this.intake = intake;
  }

  @POST
  @Operation(summary = "Record one OpenLineage RunEvent, DatasetEvent or JobEvent")
  public Uni<Response> record(JsonNode event) {
    return intake
        .one(event)
        .map(result -> Response.status(Response.Status.CREATED).entity(result).build());
  }

  @POST
  @Path("/batch")
  @Blocking
  @Operation(summary = "Record an array of OpenLineage events; each is taken or refused alone")
  public IntakeResult recordBatch(JsonNode events) {
    return intake.batch(events);
  }
}
