package io.meshwork.lineage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.lineage.config.LineageConfig;
import io.meshwork.web.problem.MalformedRequestException;
import io.meshwork.web.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes OpenLineage events in: validates each and hands the valid ones to {@link GroupCommit}; an
 * event the database refuses fails alone, with its reason.
 */
@ApplicationScoped
public class LineageIntake {

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
          failed.add(
              new IntakeResult.FailedEvent(indexes.get(i), refused(failures.get(i)).getMessage()));
        }
      }
    }
    failed.sort((a, b) -> Integer.compare(a.index(), b.index()));
    accepted.increment(body.size() - failed.size());
    rejected.increment(failed.size());
    return IntakeResult.of(body.size(), failed);
  }

  /** Data the database cannot hold is the sender's problem; anything else is ours. */
  private static RuntimeException refused(SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.startsWith("22")) {
      return new MalformedRequestException(
          "lineage.event.unstorable",
          "The event holds a value that cannot be stored: " + e.getMessage());
    }
    return new IllegalStateException("Cannot write lineage events", e);
  }
}
