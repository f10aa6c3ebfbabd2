package io.meshwork.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The caller's text that PostgreSQL refuses to hold, wherever validation let it through: a NUL
 * character (PostgreSQL text cannot contain U+0000), a value longer than its column, or one too big
 * for an index. Those are the caller's to fix, so they are a 400 in our words, not a 500.
 */
final class StorageRefusals {

  private static final Logger LOG = Logger.getLogger(StorageRefusals.class);

  private StorageRefusals() {}

  static Optional<Response> of(Throwable e, UriInfo uri) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
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
