package io.meshwork.contracts.registry;

import io.meshwork.web.problem.ProblemMappers;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What the framework answers before a registry method runs (no such route, method or media type)
 * and path values no subject can have (control characters), in Confluent's error body on
 * Confluent's paths, as its clients parse it; everywhere else the platform's problem+json.
 */
public class RegistryRouting {

  private final ProblemMappers problems = new ProblemMappers();

  static boolean registryPath(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    return !p.startsWith("/api/") && !p.startsWith("/q/") && !p.equals("/graphql");
  }

  @ServerRequestFilter
  public Response controlCharacters(ContainerRequestContext request) {
    UriInfo uri = request.getUriInfo();
    if (!registryPath(uri.getPath())) {
      return null;
    }
    for (Map.Entry<String, List<String>> parameter : uri.getPathParameters().entrySet()) {
      for (String value : parameter.getValue()) {
        if (value.chars().anyMatch(Character::isISOControl)) {
          return SchemaRegistryResource.error(
              422, 42208, "Invalid " + parameter.getKey() + ": no control characters");
        }
      }
    }
    return null;
  }

  @ServerExceptionMapper(priority = 10)
  public Response webApplication(
      WebApplicationException e, UriInfo uri, HttpHeaders headers, Request request) {
    if (uri == null || !registryPath(uri.getPath())) {
      return problems.webApplication(e, uri, headers, request);
    }
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return problems.unexpected(e, uri);
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    return SchemaRegistryResource.error(
        status, status, "HTTP " + status + (known == null ? "" : " " + known.getReasonPhrase()));
  }
}
