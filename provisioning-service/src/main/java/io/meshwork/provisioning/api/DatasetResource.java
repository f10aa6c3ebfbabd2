package io.meshwork.provisioning.api;

import io.meshwork.provisioning.dataset.Dataset;
import io.meshwork.provisioning.dataset.DatasetRepository;
import io.meshwork.provisioning.dataset.DatasetState;
import io.meshwork.provisioning.storage.DriftFinding;
import io.meshwork.provisioning.work.ProvisioningRun;
import io.meshwork.provisioning.work.ProvisioningWorker;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.panache.common.Page;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DatasetResource {

  private final DatasetService service;
  private final DatasetRequestService requests;
  private final DatasetRepository datasets;
  private final ProvisioningWorker worker;
  private final ProvisioningRun run;
  private final Caller caller;

  public DatasetResource(
      DatasetService service,
      DatasetRequestService requests,
      DatasetRepository datasets,
      ProvisioningWorker worker,
      ProvisioningRun run,
      Caller caller) {
    this.service = service;
    this.requests = requests;
    this.datasets = datasets;
    this.worker = worker;
    this.run = run;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(
      summary =
          "Request a dataset: 202 + Location; storage is provisioned in the background. With"
              + " 'Prefer: wait=N' (RFC 7240, N <= 60 s) the answer waits for the outcome: 201 once"
              + " READY or FAILED, 202 if still at work. The same request again answers 200 with"
              + " the existing dataset; the same name with another spec 409. Honours"
              + " Idempotency-Key")
  public Response create(
      @NotNull(message = "a JSON body is required") @Valid CreateDatasetRequest request,
      @HeaderParam("Idempotency-Key")
          @Pattern(
              regexp = "^[\\x21-\\x7E]{1,255}$",
              message = "must be 1-255 visible ASCII characters")
          String idempotencyKey,
      @HeaderParam("Prefer") List<String> prefer) {
    DatasetRequestService.Answer answer =
        requests.request(request, Optional.ofNullable(idempotencyKey), prefer, caller);
    Response.ResponseBuilder response =
        Response.status(answer.status())
            .location(
                UriBuilder.fromPath("/api/v1/datasets/{domain}/{name}")
                    .build(answer.dataset().domain, answer.dataset().name))
            .entity(answer.body());
    answer.waited().ifPresent(w -> response.header("Preference-Applied", "wait=" + w.toSeconds()));
    return response.build();
  }

  @GET
  @Path("/{domain}/{name}")
  @Operation(
      summary =
          "A dataset: state, real resources, timestamps, last error, drift. wait=N waits up to N seconds for it to settle")
  public DatasetResponse get(
      @PathParam("domain") String domain,
      @PathParam("name") String name,
      @QueryParam("wait")
          @DefaultValue("0")
          @Min(value = 0, message = "must be 0 or more")
          @Max(value = 60, message = "must be at most 60")
          int wait) {
    return requests.awaitSettled(domain, name, Duration.ofSeconds(wait), OptionalLong.empty());
  }

  @GET
  @Operation(summary = "Datasets, by domain and state, ordered by domain and name, in pages")
  public List<DatasetResponse> list(
      @QueryParam("domain") String domain,
      @QueryParam("state") String state,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more")
          int page,
      @QueryParam("size")
          @DefaultValue("50")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 500, message = "must be at most 500")
          int size) {
    Optional<DatasetState> wanted = Optional.ofNullable(state).map(DatasetResource::state);
    return datasets.list(Optional.ofNullable(domain), wanted, Page.of(page, size)).stream()
        .map(service::describe)
        .toList();
  }

  @DELETE
  @Path("/{domain}/{name}")
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(
      summary =
          "Delete a dataset: its storage is removed (or kept and detached with retain=true); 202")
  public Response delete(
      @PathParam("domain") String domain,
      @PathParam("name") String name,
      @QueryParam("retain") @DefaultValue("false") boolean retain) {
    Dataset dataset = service.delete(domain, name, retain, caller);
    worker.start(dataset.id);
    return Response.accepted(service.describe(dataset)).build();
  }

  @POST
  @Path("/{domain}/{name}/verify")
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN, Roles.PLATFORM_SERVICE})
  @Operation(
      summary =
          "Compare the dataset's real resources with what was provisioned; records and returns drift")
  public DriftReport verify(@PathParam("domain") String domain, @PathParam("name") String name) {
    if (!caller.hasRole(Roles.PLATFORM_SERVICE)) {
      caller.requireMayChange(domain);
    }
    Dataset dataset = service.get(domain, name);
    if (dataset.state != DatasetState.READY) {
      throw new ConflictException(
          "provisioning.dataset.not-ready",
          "Dataset '" + name + "' is " + dataset.state + "; only READY datasets are verified");
    }
    List<DriftFinding> findings = run.verify(dataset.id);
    return new DriftReport(dataset.id, domain, name, findings.isEmpty(), findings, Instant.now());
  }

  /** The outcome of a drift check. */
  public record DriftReport(
      UUID id,
      String domain,
      String name,
      boolean inSync,
      List<DriftFinding> drift,
      Instant checkedAt) {}

  private static DatasetState state(String value) {
    try {
      return DatasetState.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.ofField(
          "provisioning.dataset.invalid-state",
          "state",
          "must be one of " + List.of(DatasetState.values()));
    }
  }
}
