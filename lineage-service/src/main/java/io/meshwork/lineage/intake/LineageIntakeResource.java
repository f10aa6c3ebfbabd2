package io.meshwork.lineage.intake;

import io.meshwork.lineage.security.ApiKeyAuthentication;
import io.meshwork.web.http.EncodedBodies;
import io.meshwork.web.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OpenLineage intake, as Marquez serves it: the official clients' HTTP transport posts here. It
 * answers 201 with a body, never 204, which the Java client treats as an error, and takes bodies
 * compressed with gzip or deflate (the clients' {@code compression} option).
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
  private final EncodedBodies bodies;

  public LineageIntakeResource(LineageIntake intake, EncodedBodies bodies) {
    this.intake = intake;
    this.bodies = bodies;
  }

  @POST
  @Operation(summary = "Record one OpenLineage RunEvent, DatasetEvent or JobEvent")
  @RequestBody(content = @Content(schema = @Schema(implementation = Object.class)))
  public Uni<Response> record(byte[] event, @HeaderParam("Content-Encoding") String encoding)
      throws IOException {
    return intake
        .one(bodies.json(event, encoding))
        .map(result -> Response.status(Response.Status.CREATED).entity(result).build());
  }

  @POST
  @Path("/batch")
  @Blocking
  @Operation(summary = "Record an array of OpenLineage events; each is taken or refused alone")
  @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY)))
  public IntakeResult recordBatch(byte[] events, @HeaderParam("Content-Encoding") String encoding)
      throws IOException {
    return intake.batch(bodies.json(events, encoding));
  }
}
