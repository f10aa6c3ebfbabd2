package io.meshwork.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place exceptions become HTTP responses: every error leaves as RFC 9457 {@code
 * application/problem+json}. Expected failures carry a stable code; anything else is a 500 whose
 * body never shows the exception's message or class (the log has it, under the same id).
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(e.status(), e.code(), e.title(), e.getMessage(), uri, e.violations());
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.Violation> violations =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.Violation::field))
            .toList();
    return respond(
        422,
        "request.invalid",
        "Invalid request",
        violations.size() == 1
            ? violations.get(0).field() + ": " + violations.get(0).message()
            : violations.size() + " fields are invalid",
        uri,
        violations);
  }

  // Jackson failures: one mapper per concrete type so that none of Quarkus' built-in mappers wins.
  @ServerExceptionMapper(priority = 1)
  public Response jsonParse(JsonParseException e, UriInfo uri) {
    return malformedJson(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return malformedJson(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
    return malformedJson(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response invalidDefinition(InvalidDefinitionException e, UriInfo uri) {
    return malformedJson(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response jsonMapping(JsonMappingException e, UriInfo uri) {
    return malformedJson(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
    return malformedJson(e, uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(
        403,
        "auth.forbidden",
        "Forbidden",
        "The caller's roles do not allow this operation",
        uri,
        List.of());
  }

  @ServerExceptionMapper
  public Response webApplication(
      WebApplicationException e, UriInfo uri, HttpHeaders headers, Request request) {
    int status = e.getResponse().getStatus();
    // The JSON reader reports some syntax errors (e.g. a truncated body) wrapped in a plain 400.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException json) {
        return malformedJson(json, uri);
      }
    }
    if (status >= 500) {
      return unexpected(e, uri);
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Request rejected" : known.getReasonPhrase();
    String where = request.getMethod() + " " + (uri == null ? "" : uri.getPath());
    // The framework's own messages quote its annotations; every answer here is in our words.
    return switch (status) {
      case 404 ->
          respond(404, "request.not-found", title, "Nothing is served at " + where, uri, List.of());
      case 405 ->
          respond(
              405,
              "request.method-not-allowed",
              title,
              "The method " + request.getMethod() + " is not allowed on " + uri.getPath(),
              uri,
              List.of());
      case 406 ->
          respond(
              406,
              "request.not-acceptable",
              title,
              where
                  + " cannot answer in any media type the Accept header asks for ("
                  + Problem.excerpt(String.valueOf(headers.getHeaderString("Accept")))
                  + ")",
              uri,
              List.of());
      case 415 ->
          respond(
              415,
              "request.unsupported-media-type",
              title,
              where
                  + " does not take a body of Content-Type "
                  + Problem.excerpt(
                      String.valueOf(headers.getHeaderString(HttpHeaders.CONTENT_TYPE))),
              uri,
              List.of());
      default ->
          respond(
              status,
              "request.rejected",
              title,
              "The request was refused (" + title + ")",
              uri,
              List.of());
    };
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    Optional<Response> storage = StorageRefusals.of(e, uri);
    if (storage.isPresent()) {
      return storage.get();
    }
    String reference = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected error %s on %s", reference, uri == null ? "?" : uri.getPath());
    return respond(
        500,
        "internal.error",
        "Internal server error",
        "An unexpected error occurred; quote reference " + reference + " when reporting it",
        uri,
        List.of());
  }

  private Response unauthenticated(UriInfo uri) {
    Response response =
        respond(
            401,
            "auth.unauthenticated",
            "Unauthorized",
            "A valid bearer token is required",
            uri,
            List.of());
    return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }

  private Response malformedJson(JsonProcessingException e, UriInfo uri) {
    String path = e instanceof DatabindException databind ? jsonPath(databind) : "";
    String where = ParserMessages.location(e).map(at -> " at " + at).orElse("");
    String reason =
        e instanceof ValueInstantiationException && e.getCause() != null
            ? ParserMessages.clean(e.getCause().getMessage())
            : ParserMessages.clean(e);
    List<Problem.Violation> violations =
        path.isEmpty() ? List.of() : List.of(new Problem.Violation(path, reason));
    return respond(
        400,
        "request.malformed-json",
        "Malformed request",
        "The body is not valid JSON of the expected shape"
            + where
            + (path.isEmpty() ? "" : " (" + path + ")")
            + ": "
            + reason,
        uri,
        violations);
  }

  /** {@code schema.fields[2].type} from Jackson's reference chain. */
  static String jsonPath(DatabindException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** The request field of a bean-validation violation: drops the method and parameter names. */
  static String fieldOf(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    String[] parts = path.split("\\.", 3);
    // Paths look like "create.request.name" (method.parameter.field) or "create.name" (query
    // param).
    if (parts.length == 3) {
      return parts[2];
    }
    return parts.length == 2 ? parts[1] : path;
  }

  static Response respond(
      int status,
      String code,
      String title,
      String detail,
      UriInfo uri,
      List<Problem.Violation> violations) {
    Problem body =
        new Problem(
            Problem.typeOf(code),
            title,
            status,
            detail,
            uri == null ? null : uri.getPath(),
            code,
            violations);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
  }
}
