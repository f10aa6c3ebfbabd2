package io.meshwork.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.web.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Problem+json answers written outside the REST layer: by the HTTP security layer (a 401 on a path
 * guarded by an HTTP permission, such as {@code /graphql}) and by checks that run before any
 * resource (an unsupported {@code Content-Encoding}, a body over the size limit). Same body as
 * {@link io.meshwork.web.problem.ProblemMappers} writes.
 */
@ApplicationScoped
public class HttpProblems {

  private final ObjectMapper mapper;

  public HttpProblems(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Ends the exchange with a problem body, unless an answer was already started. */
  public void send(RoutingContext context, int status, String code, String title, String detail) {
    HttpServerResponse response = context.response();
    if (response.ended() || response.headWritten()) {
      return;
    }
    Problem problem =
        new Problem(
            Problem.typeOf(code), title, status, detail, context.request().path(), code, List.of());
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(json(problem));
  }

  public void unauthenticated(RoutingContext context) {
    context.response().putHeader("WWW-Authenticate", "Bearer");
    send(context, 401, "auth.unauthenticated", "Unauthorized", "A valid bearer token is required");
  }

  private String json(Problem problem) {
    try {
      return mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      // A record of strings and numbers always serialises; keep the answer a problem regardless.
      return "{\"status\":" + problem.status() + ",\"code\":\"" + problem.code() + "\"}";
    }
  }
}
