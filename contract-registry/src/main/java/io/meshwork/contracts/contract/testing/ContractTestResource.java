package io.meshwork.contracts.contract.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Contract tests: run a contract's quality rules against its PostgreSQL dataset. */
@Path("/api/v1/contracts/{id}/tests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ContractTestResource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ContractTestService tests;
  private final Caller caller;

  public ContractTestResource(ContractTestService tests, Caller caller) {
    this.tests = tests;
    this.caller = caller;
  }

  public record TestRunResponse(
      UUID id,
      String contractId,
      String version,
      String server,
      String outcome,
      List<CheckResult> results,
      String startedBy,
      Instant startedAt,
      Instant finishedAt) {

    static TestRunResponse of(ContractTestRun run) {
      try {
        return new TestRunResponse(
            run.id,
            run.contractId,
            run.version,
            run.server,
            run.outcome,
            JSON.readValue(run.results, new TypeReference<List<CheckResult>>() {}),
            run.startedBy,
            run.startedAt,
            run.finishedAt);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Stored results are not JSON", e);
      }
    }
  }

  @POST
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN, Roles.PLATFORM_SERVICE})
  @Operation(
      summary =
          "Run the contract's quality rules (nullValues, missingValues, invalidValues, duplicateValues,"
              + " rowCount, freshness, sql) as read-only SQL against its postgres server")
  public Response run(
      @PathParam("id") String id,
      @QueryParam("version") String version,
      @QueryParam("server") String server) {
    ContractTestRun run = tests.run(id, version, server, caller);
    return Response.created(
            UriBuilder.fromPath("/api/v1/contracts/{id}/tests/{run}").build(id, run.id))
        .entity(TestRunResponse.of(run))
        .build();
  }

  @GET
  public List<TestRunResponse> runs(@PathParam("id") String id) {
    return tests.runs(id).stream().map(TestRunResponse::of).toList();
  }
}
