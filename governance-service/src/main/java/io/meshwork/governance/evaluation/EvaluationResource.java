package io.meshwork.governance.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.meshwork.governance.product.GovernanceAccess;
import io.meshwork.governance.rules.ProductDescriptor;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.MalformedRequestException;
import io.meshwork.web.problem.ParserMessages;
import io.meshwork.web.problem.Problem.Violation;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class EvaluationResource {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
  private static final Pattern DOMAIN = Pattern.compile("^[a-z][a-z0-9_-]{0,62}$");

  private final EvaluationService evaluations;
  private final Caller caller;

  public EvaluationResource(EvaluationService evaluations, Caller caller) {
    this.evaluations = evaluations;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.DOMAIN_OWNER,
    Roles.GOVERNANCE_BOARD,
    Roles.PLATFORM_ADMIN,
    Roles.DATA_CONSUMER,
    Roles.PLATFORM_SERVICE
  })
  @Operation(
      summary =
          "Dry run: evaluate a data product spec (the catalog's document, as JSON) against the"
              + " policies in force for its domain; nothing is stored")
  public EvaluationResponse dryRun(JsonNode spec) {
    requireDescriptor(spec);
    return EvaluationResponse.of(evaluations.dryRun(ProductDescriptor.of(spec), caller.name()));
  }

  @POST
  @Consumes({"application/yaml", "application/x-yaml", "text/yaml"})
  @RolesAllowed({
    Roles.DOMAIN_OWNER,
    Roles.GOVERNANCE_BOARD,
    Roles.PLATFORM_ADMIN,
    Roles.DATA_CONSUMER,
    Roles.PLATFORM_SERVICE
  })
  @Operation(summary = "Dry run of a data product spec written in YAML (the seed's form)")
  public EvaluationResponse dryRunYaml(String yaml) {
    JsonNode spec;
    try {
      spec = YAML.readTree(yaml == null ? "" : yaml);
    } catch (JsonProcessingException e) {
      throw new MalformedRequestException(
          "governance.evaluation.malformed-yaml",
          "The body is not YAML: " + ParserMessages.clean(e));
    }
    return dryRun(spec);
  }

  @GET
  @Operation(summary = "A product's stored evaluations, newest first (one version with ?version=)")
  public List<EvaluationResponse> list(
      @QueryParam("product") String product, @QueryParam("version") String version) {
    if (product == null || product.isBlank()) {
      throw InvalidRequestException.ofField(
          "governance.evaluation.product-required", "product", "name the product: ?product=<name>");
    }
    List<Evaluation> found = evaluations.ofProduct(product, version);
    if (!found.isEmpty()) {
      GovernanceAccess.requireSees(caller, found.get(0).domain);
    }
    return found.stream().map(EvaluationResponse::of).toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One stored evaluation")
  public EvaluationResponse get(@PathParam("id") UUID id) {
    Evaluation evaluation = evaluations.get(id);
    GovernanceAccess.requireSees(caller, evaluation.domain);
    return EvaluationResponse.of(evaluation);
  }

  private static void requireDescriptor(JsonNode spec) {
    List<Violation> violations = new ArrayList<>();
    JsonNode product = spec == null ? null : spec.get("product");
    if (product == null || !product.isObject()) {
      violations.add(new Violation("product", "is required: the spec's product section"));
    } else {
      if (!NAME.matcher(product.path("name").asText("")).matches()) {
        violations.add(
            new Violation("product.name", "must be a product name (lower case, a-z0-9_)"));
      }
      if (!DOMAIN.matcher(product.path("domain").asText("")).matches()) {
        violations.add(
            new Violation("product.domain", "must be a domain name (lower case, a-z0-9_-)"));
      }
    }
    if (spec != null && spec.has("schema") && !spec.get("schema").isArray()) {
      violations.add(new Violation("schema", "must be a list of fields"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(
          "governance.evaluation.invalid-descriptor",
          "The descriptor is not a data product spec",
          violations);
    }
  }
}
