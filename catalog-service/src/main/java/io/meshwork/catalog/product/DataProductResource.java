package io.meshwork.catalog.product;

import io.meshwork.catalog.product.spec.SpecDiff;
import io.meshwork.catalog.product.spec.SpecDocuments;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.panache.common.Page;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/data-products")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DataProductResource {

  private static final String[] YAML_TYPES = {
    SpecDocuments.YAML, "application/x-yaml", "text/yaml", "text/x-yaml"
  };

  private final DataProductService products;
  private final ProductLifecycle lifecycle;
  private final ProductViews views;
  private final SpecDocuments documents;
  private final Caller caller;

  public DataProductResource(
      DataProductService products,
      ProductLifecycle lifecycle,
      ProductViews views,
      SpecDocuments documents,
      Caller caller) {
    this.products = products;
    this.lifecycle = lifecycle;
    this.views = views;
    this.documents = documents;
    this.caller = caller;
  }

  @PUT
  @Path("/{name}")
  @Consumes({
    SpecDocuments.YAML,
    "application/x-yaml",
    "text/yaml",
    "text/x-yaml",
    MediaType.APPLICATION_JSON
  })
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(
      summary =
          "Declare a data product with its spec (the seed's YAML, or the same as JSON): 201 for a"
              + " new product, 200 otherwise; the same content again changes nothing, new content is"
              + " a new version (higher, and a new major one for breaking changes)")
  public Response put(
      @PathParam("name") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      String body) {
    DataProductService.Upserted upserted = products.put(name, body, isYaml(contentType), caller);
    return Response.status(upserted.created() ? 201 : 200)
        .location(UriBuilder.fromPath("/api/v1/data-products/{name}").build(name))
        .entity(views.of(upserted.product(), upserted.changed()))
        .build();
  }

  @GET
  @Path("/{name}")
  @Produces({MediaType.APPLICATION_JSON, SpecDocuments.YAML})
  @Operation(
      summary =
          "The product with its current spec and the live state of its output ports; with"
              + " Accept: application/yaml, the current spec as its owner wrote it")
  public Response get(
      @PathParam("name") String name, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    DataProduct product = products.get(name);
    if (wantsYaml(accept)) {
      return yaml(products.version(name, product.currentVersion));
    }
    return Response.ok(views.of(product, null), MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Operation(summary = "Data products, by domain and status, by name, in pages")
  public List<ProductResponse> list(
      @QueryParam("domain") String domain,
      @QueryParam("status") ProductStatus status,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more")
          int page,
      @QueryParam("size")
          @DefaultValue("50")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 500, message = "must be at most 500")
          int size) {
    return products.list(domain, status, Page.of(page, size)).stream()
        .map(product -> views.of(product, null))
        .toList();
  }

  /** One version as the history lists it. */
  public record VersionEntry(String version, String createdBy, Instant createdAt, String hash) {}

  @GET
  @Path("/{name}/versions")
  @Operation(summary = "Every version of the product, oldest first, with who made it and when")
  public List<VersionEntry> versions(@PathParam("name") String name) {
    return products.versions(name).stream()
        .map(v -> new VersionEntry(v.version(), v.createdBy, v.createdAt, v.contentHash))
        .toList();
  }

  @GET
  @Path("/{name}/versions/{version}")
  @Produces({MediaType.APPLICATION_JSON, SpecDocuments.YAML})
  @Operation(summary = "One version's spec, as JSON or (Accept: application/yaml) as written")
  public Response version(
      @PathParam("name") String name,
      @PathParam("version") String version,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    DataProductVersion found = products.version(name, version);
    if (wantsYaml(accept)) {
      return yaml(found);
    }
    return Response.ok(found.spec, MediaType.APPLICATION_JSON).build();
  }

  /** A diff between two versions. */
  public record DiffResponse(String from, String to, boolean breaking, SpecDiff changes) {}

  @GET
  @Path("/{name}/diff")
  @Operation(
      summary =
          "What changed between two versions: fields added, removed and retyped, constraints,"
              + " service levels, lineage and output ports, and which changes break consumers")
  public DiffResponse diff(
      @PathParam("name") String name,
      @QueryParam("from") @NotBlank(message = "is required") String from,
      @QueryParam("to") @NotBlank(message = "is required") String to) {
    SpecDiff diff = products.diff(name, from, to);
    return new DiffResponse(from, to, diff.hasBreakingChanges(), diff);
  }

  @POST
  @Path("/{name}/submit")
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(summary = "Ask governance to review the current version (DRAFT or CHANGES_REQUESTED)")
  public ProductResponse submit(@PathParam("name") String name) {
    return views.of(lifecycle.submit(name, caller), null);
  }

  @POST
  @Path("/{name}/publish")
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(summary = "Publish an APPROVED product once its output ports are READY")
  public ProductResponse publish(@PathParam("name") String name) {
    return views.of(lifecycle.publish(name, caller), null);
  }

  /** Why and until when: the sunset date, and the product that replaces this one if any. */
  public record DeprecateRequest(
      LocalDate sunsetAt,
      @Size(max = 63, message = "must be at most 63 characters") String successor,
      @Size(max = 2000, message = "must be at most 2000 characters") String reason) {}

  @POST
  @Path("/{name}/deprecate")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(summary = "Deprecate a PUBLISHED product: a sunset date, a successor if any")
  public ProductResponse deprecate(@PathParam("name") String name, DeprecateRequest request) {
    DeprecateRequest body = request == null ? new DeprecateRequest(null, null, null) : request;
    return views.of(
        lifecycle.deprecate(name, body.sunsetAt(), body.successor(), body.reason(), caller), null);
  }

  @POST
  @Path("/{name}/retire")
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(summary = "Retire a DEPRECATED product: gone from discovery for good")
  public ProductResponse retire(@PathParam("name") String name) {
    return views.of(lifecycle.retire(name, caller), null);
  }

  /** One step of the lifecycle. */
  public record TransitionEntry(
      String version,
      ProductStatus from,
      ProductStatus to,
      String actor,
      String reason,
      Instant at) {}

  @GET
  @Path("/{name}/history")
  @Operation(summary = "The product's lifecycle steps: who moved it, when, from what to what, why")
  public List<TransitionEntry> history(@PathParam("name") String name) {
    products.get(name);
    return ProductTransition.<ProductTransition>list("product = ?1 order by id", name).stream()
        .map(t -> new TransitionEntry(t.version, t.fromStatus, t.toStatus, t.actor, t.reason, t.at))
        .toList();
  }

  private Response yaml(DataProductVersion version) {
    String text =
        version.sourceType.equals("yaml") ? version.source : documents.toYaml(version.spec);
    return Response.ok(text, SpecDocuments.YAML).build();
  }

  private static boolean isYaml(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("yaml");
  }

  private static boolean wantsYaml(String accept) {
    if (accept == null) {
      return false;
    }
    String wanted = accept.toLowerCase(Locale.ROOT);
    return List.of(YAML_TYPES).stream().anyMatch(wanted::contains)
        && !wanted.startsWith(MediaType.APPLICATION_JSON);
  }
}
