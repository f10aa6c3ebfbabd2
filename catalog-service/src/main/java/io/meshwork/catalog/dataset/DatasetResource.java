package io.meshwork.catalog.dataset;

import io.quarkus.panache.common.Page;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DatasetResource {

  private final DatasetRepository datasets;

  public DatasetResource(DatasetRepository datasets) {
    this.datasets = datasets;
  }

  @GET
  @Operation(summary = "Datasets in the catalog, optionally of one domain")
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

  @GET
  @Path("/{domain}/{name}")
  @Operation(summary = "One dataset of the catalog")
  public DatasetResponse get(@PathParam("domain") String domain, @PathParam("name") String name) {
    return datasets
        .findByDomainAndName(domain, name)
        .map(DatasetResponse::of)
        .orElseThrow(() -> new DatasetNotFoundException(domain, name));
  }
}
