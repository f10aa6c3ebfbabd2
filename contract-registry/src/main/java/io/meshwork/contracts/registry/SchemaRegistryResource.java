package io.meshwork.contracts.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.meshwork.contracts.registry.RegistryResponses.Compatibility;
import io.meshwork.contracts.registry.RegistryResponses.ConfigResponse;
import io.meshwork.contracts.registry.RegistryResponses.ConfigUpdate;
import io.meshwork.contracts.registry.RegistryResponses.ErrorMessage;
import io.meshwork.contracts.registry.RegistryResponses.ModeResponse;
import io.meshwork.contracts.registry.RegistryResponses.RegisteredId;
import io.meshwork.contracts.registry.RegistryResponses.SubjectAndVersion;
import io.meshwork.contracts.registry.RegistryResponses.SubjectSchema;
import io.meshwork.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Confluent Schema Registry REST API, at the root path as Confluent serves it, so Kafka
 * serializers, the npm client and other tools work unchanged. Reads need any authenticated caller
 * (bearer token, or HTTP Basic with a Keycloak client's id and secret); writes need the subject's
 * domain.
 */
@Path("/")
@Authenticated
@Produces({RegistryMediaTypes.V1, RegistryMediaTypes.GENERIC, RegistryMediaTypes.JSON})
@Consumes({
  RegistryMediaTypes.V1,
  RegistryMediaTypes.GENERIC,
  RegistryMediaTypes.JSON,
  RegistryMediaTypes.OCTET
})
@Tag(name = "Schema registry (Confluent-compatible)")
public class SchemaRegistryResource {

  private static final Logger LOG = Logger.getLogger(SchemaRegistryResource.class);

  private final SchemaRegistryService registry;
  private final SchemaLookupService lookups;
  private final SchemaDeletionService deletions;
  private final CompatibilityConfigService levels;
  private final SchemaCache cache;
  private final Caller caller;

  public SchemaRegistryResource(
      SchemaRegistryService registry,
      SchemaLookupService lookups,
      SchemaDeletionService deletions,
      CompatibilityConfigService levels,
      SchemaCache cache,
      Caller caller) {
    this.registry = registry;
    this.lookups = lookups;
    this.deletions = deletions;
    this.levels = levels;
    this.cache = cache;
    this.caller = caller;
  }

  // ------------------------------------------------------------------ subjects and versions

  @POST
  @Path("subjects/{subject}/versions")
  @Operation(
      summary = "Register a schema under a subject (idempotent: the same schema returns its id)")
  public RegisteredId register(
      @PathParam("subject") String subject,
      @QueryParam("domain") String domain,
      @QueryParam("normalize") @DefaultValue("false") boolean normalize,
      RegisterSchemaRequest request) {
    return new RegisteredId(
        registry.register(subject, request, normalize, caller, Optional.ofNullable(domain)).id());
  }

  @POST
  @Path("subjects/{subject}")
  @Operation(summary = "Find the version of a subject that has this schema")
  public SubjectSchema lookup(
      @PathParam("subject") String subject,
      @QueryParam("deleted") @DefaultValue("false") boolean deleted,
      @QueryParam("normalize") @DefaultValue("false") boolean normalize,
      RegisterSchemaRequest request) {
    SchemaLookupService.Found found = lookups.lookup(subject, request, deleted, normalize);
    return SubjectSchema.of(found.subject(), found.version(), found.content());
  }

  @GET
  @Path("subjects")
  public List<String> subjects(
      @QueryParam("deleted") @DefaultValue("false") boolean deleted,
      @QueryParam("subjectPrefix") String prefix) {
    return lookups.subjects(deleted, prefix);
  }

  @GET
  @Path("subjects/{subject}/versions")
  public List<Integer> versions(
      @PathParam("subject") String subject,
      @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
    return lookups.versions(subject, deleted);
  }

  @GET
  @Path("subjects/{subject}/versions/{version}")
  public SubjectSchema version(
      @PathParam("subject") String subject,
      @PathParam("version") String version,
      @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
    SchemaLookupService.Found found = lookups.version(subject, VersionId.parse(version), deleted);
    return SubjectSchema.of(found.subject(), found.version(), found.content());
  }

  @GET
  @Path("subjects/{subject}/versions/{version}/schema")
  public String versionSchema(
      @PathParam("subject") String subject,
      @PathParam("version") String version,
      @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
    return lookups.version(subject, VersionId.parse(version), deleted).content().canonical;
  }

  @GET
  @Path("subjects/{subject}/versions/{version}/referencedby")
  public List<Integer> referencedBy(
      @PathParam("subject") String subject, @PathParam("version") String version) {
    return lookups.referencedBy(subject, VersionId.parse(version));
  }

  @DELETE
  @Path("subjects/{subject}")
  public List<Integer> deleteSubject(
      @PathParam("subject") String subject,
      @QueryParam("permanent") @DefaultValue("false") boolean permanent) {
    List<Integer> deleted = deletions.deleteSubject(subject, permanent, caller);
    LOG.infof(
        "AUDIT %s deleted subject %s (permanent=%s) versions %s",
        caller.name(), subject, permanent, deleted);
    return deleted;
  }

  @DELETE
  @Path("subjects/{subject}/versions/{version}")
  public int deleteVersion(
      @PathParam("subject") String subject,
      @PathParam("version") String version,
      @QueryParam("permanent") @DefaultValue("false") boolean permanent) {
    int deleted = deletions.deleteVersion(subject, VersionId.parse(version), permanent, caller);
    LOG.infof(
        "AUDIT %s deleted %s version %d (permanent=%s)",
        caller.name(), subject, deleted, permanent);
    return deleted;
  }

  // ------------------------------------------------------------------ schemas by id

  @GET
  @Path("schemas/ids/{id}")
  public Response schemaById(
      @PathParam("id") int id, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return Response.ok(cache.byIdBody(content(id)), responseType(accept)).build();
  }

  /** The type Confluent would answer with for this Accept header. */
  private static String responseType(String accept) {
    if (accept == null
        || accept.isBlank()
        || accept.contains("*/*")
        || accept.contains(RegistryMediaTypes.V1)) {
      return RegistryMediaTypes.V1;
    }
    if (accept.contains(RegistryMediaTypes.GENERIC)) {
      return RegistryMediaTypes.GENERIC;
    }
    return RegistryMediaTypes.JSON;
  }

  @GET
  @Path("schemas/ids/{id}/schema")
  public String schemaTextById(@PathParam("id") int id) {
    return content(id).canonical;
  }

  @GET
  @Path("schemas/ids/{id}/versions")
  public List<SubjectAndVersion> schemaVersions(
      @PathParam("id") int id, @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
    return lookups.usages(id, deleted).stream()
        .map(v -> new SubjectAndVersion(v.subject, v.version))
        .toList();
  }

  @GET
  @Path("schemas/ids/{id}/subjects")
  public List<String> schemaSubjects(
      @PathParam("id") int id, @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
    return lookups.usages(id, deleted).stream().map(v -> v.subject).distinct().toList();
  }

  @GET
  @Path("schemas/types")
  public List<String> types() {
    return List.of(SchemaType.JSON.name(), SchemaType.PROTOBUF.name(), SchemaType.AVRO.name());
  }

  private SchemaContent content(int id) {
    return lookups
        .schemaById(id)
        .orElseThrow(() -> RegistryException.schemaNotFound("Schema " + id + " not found"));
  }

  // ------------------------------------------------------------------ compatibility

  @POST
  @Path("compatibility/subjects/{subject}/versions/{version}")
  @Operation(
      summary = "Would this schema be compatible with that version? verbose=true says why not")
  public Compatibility compatibility(
      @PathParam("subject") String subject,
      @PathParam("version") String version,
      @QueryParam("verbose") @DefaultValue("false") boolean verbose,
      @QueryParam("normalize") @DefaultValue("false") boolean normalize,
      RegisterSchemaRequest request) {
    List<String> messages =
        registry.compatibility(subject, VersionId.parse(version), request, normalize);
    return new Compatibility(messages.isEmpty(), verbose ? messages : null);
  }

  // ------------------------------------------------------------------ config and mode

  @GET
  @Path("config")
  public ConfigResponse globalConfig() {
    return new ConfigResponse(levels.globalLevel().name());
  }

  @PUT
  @Path("config")
  public ConfigUpdate setGlobalConfig(ConfigUpdate update) {
    CompatibilityLevel level =
        CompatibilityLevel.parse(update == null ? null : update.compatibility());
    levels.setGlobalLevel(level, caller);
    LOG.infof("AUDIT %s set global compatibility to %s", caller.name(), level);
    return new ConfigUpdate(level.name());
  }

  @DELETE
  @Path("config")
  public ConfigResponse resetGlobalConfig() {
    CompatibilityLevel previous = levels.setGlobalLevel(CompatibilityLevel.BACKWARD, caller);
    return new ConfigResponse(previous.name());
  }

  @GET
  @Path("config/{subject}")
  public ConfigResponse subjectConfig(
      @PathParam("subject") String subject,
      @QueryParam("defaultToGlobal") @DefaultValue("false") boolean defaultToGlobal) {
    Optional<CompatibilityLevel> level = levels.subjectLevel(subject);
    if (level.isEmpty() && defaultToGlobal) {
      return new ConfigResponse(levels.globalLevel().name());
    }
    return new ConfigResponse(
        level.orElseThrow(() -> RegistryException.noSubjectCompatibility(subject)).name());
  }

  @PUT
  @Path("config/{subject}")
  public ConfigUpdate setSubjectConfig(
      @PathParam("subject") String subject,
      @QueryParam("domain") String domain,
      ConfigUpdate update) {
    CompatibilityLevel level =
        CompatibilityLevel.parse(update == null ? null : update.compatibility());
    levels.setSubjectLevel(subject, level, caller, Optional.ofNullable(domain));
    return new ConfigUpdate(level.name());
  }

  @DELETE
  @Path("config/{subject}")
  public ConfigResponse deleteSubjectConfig(@PathParam("subject") String subject) {
    return new ConfigResponse(levels.deleteSubjectLevel(subject, caller).name());
  }

  @GET
  @Path("mode")
  public ModeResponse mode() {
    return new ModeResponse("READWRITE");
  }

  // ------------------------------------------------------------------ Confluent's error body

  @ServerExceptionMapper
  public Response registryError(RegistryException e) {
    return error(e.status(), e.errorCode(), e.getMessage());
  }

  @ServerExceptionMapper
  public Response malformedBody(JsonProcessingException e) {
    return error(422, 42201, "Invalid request body: " + MalformedBody.reason(e));
  }

  @ServerExceptionMapper
  public Response unauthenticated(UnauthorizedException e) {
    return Response.fromResponse(error(401, 40101, "Unauthorized"))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"meshwork\", Bearer")
        .build();
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e) {
    return unauthenticated(null);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return error(403, 40301, "User " + caller.name() + " is denied this operation");
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e);
    }
    // The JSON reader reports some syntax errors (e.g. a truncated body) wrapped in a plain 400.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException json) {
        return error(status, status, "Invalid request body: " + MalformedBody.reason(json));
      }
    }
    // The framework's own messages quote its annotations; Confluent answers with the status line.
    Response.Status known = Response.Status.fromStatusCode(status);
    return error(
        status, status, "HTTP " + status + (known == null ? "" : " " + known.getReasonPhrase()));
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("Schema registry failure", e);
    return error(500, 50001, "Error in the backend data store");
  }

  static Response error(int status, int code, String message) {
    return Response.status(status)
        .type(RegistryMediaTypes.V1)
        .entity(new ErrorMessage(code, message))
        .build();
  }
}
