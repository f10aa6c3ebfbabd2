package io.meshwork.contracts.observability;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.contracts.contract.testing.CheckResult;
import io.meshwork.web.problem.ResourceNotFoundException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.DomainAccessDeniedException;
import io.meshwork.web.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Quality suites on provisioned datasets, their runs (scheduled and on demand) and history. */
@Path("/api/v1/quality")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class QualityResource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SuiteService suites;
  private final QualityRunService runs;
  private final Caller caller;

  public QualityResource(SuiteService suites, QualityRunService runs, Caller caller) {
    this.suites = suites;
    this.runs = runs;
    this.caller = caller;
  }

  public record SuiteResponse(
      String name,
      String dataset,
      String domain,
      String origin,
      long scheduleSeconds,
      Instant nextRunAt,
      int revision,
      JsonNode document,
      String updatedBy,
      Instant updatedAt) {

    static SuiteResponse of(QualitySuite suite) {
      return new SuiteResponse(
          suite.name,
          suite.dataset,
          suite.domain,
          suite.origin,
          suite.scheduleSeconds,
          suite.nextRunAt,
          suite.revision,
          SuiteDocuments.tree(suite.document),
          suite.updatedBy,
          suite.updatedAt);
    }
  }

  public record RunResponse(
      UUID id,
      String suite,
      String dataset,
      String domain,
      String trigger,
      String outcome,
      Long rowCount,
      Double freshnessSeconds,
      List<CheckResult> results,
      String startedBy,
      Instant startedAt,
      Instant finishedAt) {

    /** Failing rows are the domain's data: only its owners (and admins) see the samples. */
    static RunResponse of(QualityRun run, boolean samples) {
      try {
        List<CheckResult> results =
            JSON.readValue(run.results, new TypeReference<List<CheckResult>>() {});
        return new RunResponse(
            run.id,
            run.suite,
            run.dataset,
            run.domain,
            run.trigger,
            run.outcome,
            run.rowCount,
            run.freshnessSeconds,
            samples ? results : results.stream().map(CheckResult::withoutSample).toList(),
            run.startedBy,
            run.startedAt,
            run.finishedAt);
      } catch (Exception e) {
        throw new IllegalStateException("Stored results are not JSON", e);
      }
    }
  }

  @PUT
  @Path("/suites/{name}")
  @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(
      summary =
          "Declare a quality suite in the Great Expectations form (validations/expectations) for a"
              + " provisioned dataset; the same document again changes nothing")
  public Response save(
      @PathParam("name") String name,
      @QueryParam("dataset") String dataset,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      String body) {
    boolean yaml = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("yaml");
    SuiteService.Saved saved =
        suites.save(name, SuiteReader.read(body, yaml), Optional.ofNullable(dataset), caller);
    SuiteResponse entity = SuiteResponse.of(saved.suite());
    return saved.created()
        ? Response.created(UriBuilder.fromPath("/api/v1/quality/suites/{name}").build(name))
            .entity(entity)
            .build()
        : Response.ok(entity).build();
  }

  @GET
  @Path("/suites")
  public List<SuiteResponse> suites(@QueryParam("dataset") String dataset) {
    return suites.suites(dataset).stream().map(SuiteResponse::of).toList();
  }

  @GET
  @Path("/suites/{name}")
  public SuiteResponse suite(@PathParam("name") String name) {
    return SuiteResponse.of(suites.suite(name));
  }

  @DELETE
  @Path("/suites/{name}")
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  public Response delete(@PathParam("name") String name) {
    suites.delete(name, caller);
    return Response.noContent().build();
  }

  @POST
  @Path("/suites/{name}/runs")
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN, Roles.PLATFORM_SERVICE})
  @Operation(summary = "Run a suite now against its dataset; the run is stored and evented")
  public Response run(@PathParam("name") String name) {
    QualitySuite suite = suites.suite(name);
    if (!caller.mayChange(suite.domain) && !caller.hasRole(Roles.PLATFORM_SERVICE)) {
      throw new DomainAccessDeniedException(
          caller.name() + " may not run quality suites of domain '" + suite.domain + "'");
    }
    QualityRun run = runs.run(name, QualityRun.ON_DEMAND, caller.name());
    return Response.created(UriBuilder.fromPath("/api/v1/quality/runs/{id}").build(run.id))
        .entity(RunResponse.of(run, true))
        .build();
  }

  @GET
  @Path("/runs")
  @Operation(summary = "Runs, newest first, of one dataset (domain/name) or one suite")
  public List<RunResponse> runs(
      @QueryParam("dataset") String dataset,
      @QueryParam("suite") String suite,
      @QueryParam("limit") Integer limit) {
    int size = limit == null ? 50 : Math.max(1, Math.min(limit, 500));
    String filter = dataset != null ? "dataset = ?1 " : suite != null ? "suite = ?1 " : "";
    Object[] parameters =
        dataset != null
            ? new Object[] {dataset}
            : suite != null ? new Object[] {suite} : new Object[0];
    return QualityRun.<QualityRun>find(filter + "order by startedAt desc", parameters)
        .page(0, size)
        .stream()
        .map(run -> RunResponse.of(run, caller.mayChange(run.domain)))
        .toList();
  }

  @GET
  @Path("/runs/{id}")
  public RunResponse run(@PathParam("id") UUID id) {
    QualityRun run = QualityRun.findById(id);
    if (run == null) {
      throw new ResourceNotFoundException(
          "contracts.quality.run-not-found", "No quality run " + id);
    }
    return RunResponse.of(run, caller.mayChange(run.domain));
  }
}
