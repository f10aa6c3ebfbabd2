package io.meshwork.provisioning.dataset;

import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.panache.common.Page;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DatasetResource {

  private final DatasetService service;
  private final DatasetRepository datasets;
  private final Caller caller;

  public DatasetResource(DatasetService service, DatasetRepository datasets, Caller caller) {
    this.service = service;
    this.datasets = datasets;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(summary = "Request a dataset; provisioning continues asynchronously (202 + Location)")
  public Response create(
      @NotNull(message = "a JSON body is required") @Valid CreateDatasetRequest request) {
    Dataset dataset = service.request(request, caller);
    return Response.accepted(DatasetResponse.of(dataset))
        .location(
            UriBuilder.fromPath("/api/v1/datasets/{domain}/{name}")
                .build(dataset.domain, dataset.name))
        .build();
  }

  @GET
  @Path("/{domain}/{name}")
  @Operation(summary = "One dataset and where its provisioning stands")
  public DatasetResponse get(@PathParam("domain") String domain, @PathParam("name") String name) {
    return DatasetResponse.of(service.get(domain, name));
  }

  @GET
  @Operation(summary = "Datasets, optionally of one domain, ordered by domain and name")
  public List<DatasetResponse> list(
      @QueryParam("domain") String domain,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more")
          int page,
      @QueryParam("size")
          @DefaultValue("50")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 500, message = "must be at most 500")
          int size) {
    return datasets.list(Optional.ofNullable(domain), Page.of(page, size)).stream()
        .map(DatasetResponse::of)
        .toList();
  }
}
