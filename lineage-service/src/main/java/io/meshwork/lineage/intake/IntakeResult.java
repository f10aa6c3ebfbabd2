package io.meshwork.lineage.intake;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer to an intake request: how many events were taken, and why each other one was not. */
public record IntakeResult(
    String status, Summary summary, @JsonProperty("failed_events") List<FailedEvent> failedEvents) {

  public record Summary(int received, int successful, int failed) {}

  /** An event of the request, by its index in the array, and what was wrong with it. */
  public record FailedEvent(int index, String reason) {}

  static IntakeResult of(int received, List<FailedEvent> failed) {
    int successful = received - failed.size();
    String status = failed.isEmpty() ? "success" : successful == 0 ? "failure" : "partial_success";
    return new IntakeResult(status, new Summary(received, successful, failed.size()), failed);
  }
}
