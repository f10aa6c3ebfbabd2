package io.meshwork.web.http;

import io.meshwork.web.problem.ProblemException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A compressed request body is refused with 415 before any resource reads it as garbage, except on
 * the paths in {@code meshwork.http.encoded-body-paths}, whose resources inflate it themselves
 * ({@link EncodedBodies}).
 */
@ApplicationScoped
public class ContentEncodingCheck {

  private final HttpProblems problems;
  private final List<String> encodedBodyPaths;

  public ContentEncodingCheck(
      HttpProblems problems,
      @ConfigProperty(name = "meshwork.http.encoded-body-paths")
          Optional<List<String>> encodedBodyPaths) {
    this.problems = problems;
    this.encodedBodyPaths = encodedBodyPaths.orElse(List.of());
  }

  void register(@Observes Filters filters) {
    filters.register(this::check, 100);
  }

  void check(RoutingContext context) {
    String encoding = context.request().getHeader(HttpHeaders.CONTENT_ENCODING);
    if (encoding == null
        || encoding.strip().toLowerCase(Locale.ROOT).equals("identity")
        || encodedBodyPaths.stream().anyMatch(context.normalizedPath()::startsWith)) {
      context.next();
      return;
    }
    ProblemException refusal = EncodedBodies.unsupported(encoding);
    problems.send(context, refusal.status(), refusal.code(), refusal.title(), refusal.getMessage());
  }
}
