package io.meshwork.lineage.intake;

import io.meshwork.web.problem.MalformedRequestException;
import io.meshwork.web.problem.Problem;
import java.util.List;

/** 400: an event that is not a valid OpenLineage event; every violation names its JSON path. */
public class InvalidEventException extends MalformedRequestException {

  private final transient List<EventViolation> eventViolations;

  public InvalidEventException(List<EventViolation> violations) {
    super(
        "lineage.event.invalid",
        "Not a valid OpenLineage event: "
            + String.join("; ", violations.stream().map(EventViolation::toString).toList()),
        violations.stream().map(v -> new Problem.Violation(v.path(), v.message())).toList());
    this.eventViolations = List.copyOf(violations);
  }

  public List<EventViolation> eventViolations() {
    return eventViolations;
  }
}
