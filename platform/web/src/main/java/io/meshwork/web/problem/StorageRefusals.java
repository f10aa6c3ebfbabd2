package io.meshwork.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What the database's refusals mean to the caller. Text PostgreSQL refuses to hold, wherever
 * validation let it through (a NUL character, a value longer than its column, one too big for an
 * index), is the caller's to fix: a 400 in our words. A database that is down or restarting
 * (connection failures, administrator shutdown, too many connections) is a 503 with Retry-After:
 * the request did nothing and may be sent again.
 */
final class StorageRefusals {

  private static final Logger LOG = Logger.getLogger(StorageRefusals.class);

  private StorageRefusals() {}

  static Optional<Response> of(Throwable e, UriInfo uri) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        if (DatabaseOutage.state(sql.getSQLState())) {
          String reference = UUID.randomUUID().toString();
          LOG.warnf(e, "Database unavailable (%s), reference %s", sql.getSQLState(), reference);
          Response response =
              ProblemMappers.respond(
                  503,
                  "service.unavailable",
                  "Service unavailable",
                  "The service's database is not reachable right now; nothing was changed. Retry"
                      + " shortly (reference "
                      + reference
                      + ")",
                  uri,
                  List.of());
          return Optional.of(Response.fromResponse(response).header("Retry-After", "2").build());
        }
        Optional<String[]> refusal = refusal(sql.getSQLState());
        if (refusal.isPresent()) {
          LOG.debugf(e, "Refused a value the database cannot store (%s)", sql.getSQLState());
          return Optional.of(
              ProblemMappers.respond(
                  400, refusal.get()[0], "Bad request", refusal.get()[1], uri, List.of()));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String[]> refusal(String state) {
    return switch (state) {
      case "22021", "22P05" ->
          Optional.of(
              new String[] {
                "request.invalid-character",
                "The request holds a character that cannot be stored (U+0000, NUL)"
              });
      case "22001" ->
          Optional.of(
              new String[] {
                "request.value-too-long", "A value of the request is longer than allowed"
              });
      case "54000" ->
          Optional.of(
              new String[] {
                "request.value-too-large", "A value of the request is too large to index"
              });
      default -> Optional.empty();
    };
  }
}
