package io.meshwork.lineage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.lineage.config.LineageConfig;
import io.meshwork.web.problem.Incidents;
import io.meshwork.web.problem.MalformedRequestException;
import io.meshwork.web.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Takes OpenLineage events in: validates each and hands the valid ones to {@link GroupCommit}; an
 * event the database refuses fails alone, with its reason.
 */
@ApplicationScoped
public class LineageIntake {

  private static final Logger LOG = Logger.getLogger(LineageIntake.class);

  private final GroupCommit writer;
  private final LineageConfig config;
  private final Counter accepted;
  private final Counter rejected;

  public LineageIntake(GroupCommit writer, LineageConfig config, MeterRegistry registry) {
    this.writer = writer;
    this.config = config;
    this.accepted = registry.counter("meshwork.lineage.events", "outcome", "accepted");
    this.rejected = registry.counter("meshwork.lineage.events", "outcome", "rejected");
  }

  /**
   * One event: written, or a 400 naming what is wrong with it. Nothing blocks: the answer comes
   * when the group the event was written with is committed.
   */
  public Uni<IntakeResult> one(JsonNode body) {
    LineageEvent event;
    try {
      event = OpenLineageParser.parse(body);
    } catch (InvalidEventException e) {
      rejected.increment();
      throw e;
    }
    return Uni.createFrom()
        .completionStage(writer.submit(List.of(event)))
        .ifNoItem()
        .after(config.intake().timeout())
        .fail()
        .map(
            outcome -> {
              SQLException failure = outcome.failures().get(0);
              if (failure != null) {
                rejected.increment();
                throw refused(failure);
              }
              accepted.increment();
              return IntakeResult.of(1, List.of());
            });
  }

  /** An array of events, each taken or refused on its own. */
  public IntakeResult batch(JsonNode body) {
    if (body == null || !body.isArray()) {
      throw new MalformedRequestException(
          "lineage.batch.invalid", "A batch must be a JSON array of OpenLineage events");
    }
    if (body.size() > config.intake().maxBatch()) {
      throw new ProblemException(
          413,
          "lineage.batch.too-large",
          "Batch too large",
          "A batch holds at most " + config.intake().maxBatch() + " events, got " + body.size());
    }
    List<IntakeResult.FailedEvent> failed = new ArrayList<>();
    List<LineageEvent> valid = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      try {
        valid.add(OpenLineageParser.parse(body.get(i)));
        indexes.add(i);
      } catch (InvalidEventException e) {
        failed.add(new IntakeResult.FailedEvent(i, e.getMessage()));
      }
    }
    if (!valid.isEmpty()) {
      List<SQLException> failures = writer.write(valid).failures();
      for (int i = 0; i < valid.size(); i++) {
        if (failures.get(i) != null) {
          failed.add(new IntakeResult.FailedEvent(indexes.get(i), reason(failures.get(i))));
        }
      }
    }
    failed.sort((a, b) -> Integer.compare(a.index(), b.index()));
    accepted.increment(body.size() - failed.size());
    rejected.increment(failed.size());
    return IntakeResult.of(body.size(), failed);
  }

  /**
   * Data the database cannot hold is the sender's problem (a 400); anything else is ours. Either
   * way the driver's message stays in the log: it quotes the server, the statement and the value.
   */
  private static RuntimeException refused(SQLException e) {
    if (isUnstorable(e)) {
      return new MalformedRequestException("lineage.event.unstorable", reason(e));
    }
    return new IllegalStateException("Cannot write lineage events", e);
  }

  /**
   * Why an event was not written, in words a caller may see; the cause goes to the log under the
   * reference these words end with.
   */
  private static String reason(SQLException e) {
    if (!isUnstorable(e)) {
      return Incidents.record(LOG, "The event could not be written", e);
    }
    String what =
        switch (e.getSQLState()) {
          case "22P05", "22021" ->
              "a string with a character that cannot be stored, such as \\u0000";
          case "22001" -> "a value longer than can be stored";
          case "22003" -> "a number out of the range that can be stored";
          case "22007", "22008", "22009" -> "a date-time out of the range that can be stored";
          default -> "a value that cannot be stored";
        };
    return Incidents.record(LOG, "The event holds " + what, e);
  }

  /** SQL state class 22: data exception, a value the column or type cannot hold. */
  private static boolean isUnstorable(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("22");
  }
}
