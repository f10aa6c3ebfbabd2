package io.meshwork.lineage.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.lineage.OpenLineageEvents;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpenLineageParserTest {

  private static ObjectNode runEvent() {
    ObjectNode event =
        OpenLineageEvents.run(
            "COMPLETE", UUID.randomUUID(), "2026-11-01T10:00:00.123+07:00", "ns", "job");
    OpenLineageEvents.input(event, OpenLineageEvents.dataset("ns", "in"));
    OpenLineageEvents.output(
        event,
        OpenLineageEvents.columnLineage(
            OpenLineageEvents.dataset("ns", "out"), "a", "ns", "in", "x"));
    return event;
  }

  private static InvalidEventException invalid(ObjectNode event) {
    return catchThrowableOfType(InvalidEventException.class, () -> OpenLineageParser.parse(event));
  }

  private static java.util.List<String> paths(InvalidEventException e) {
    return e.eventViolations().stream().map(EventViolation::path).toList();
  }

  @Test
  void readsARunEventWithItsFacets() {
    LineageEvent event =
        OpenLineageParser.parse(OpenLineageEvents.jobType(runEvent(), "STREAMING"));
    assertThat(event.kind()).isEqualTo(LineageEvent.Kind.RUN);
    assertThat(event.completesRun()).isTrue();
    assertThat(event.eventTime()).isEqualTo(java.time.Instant.parse("2026-11-01T03:00:00.123Z"));
    assertThat(event.job().processingType()).isEqualTo("STREAMING");
    assertThat(event.outputs().get(0).columnLineage())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field()).isEqualTo("a");
              assertThat(c.inputs())
                  .singleElement()
                  .satisfies(i -> assertThat(i.field()).isEqualTo("x"));
            });
  }

  @Test
  void tellsTheKindOfEventByItsShape() {
    ObjectNode datasetEvent = OpenLineageEvents.JSON.createObjectNode();
    datasetEvent
        .put("eventTime", "2026-11-01T10:00:00Z")
        .put("producer", "https://p")
        .put("schemaURL", "https://s");
    datasetEvent.set("dataset", OpenLineageEvents.dataset("ns", "d"));
    assertThat(OpenLineageParser.parse(datasetEvent).kind()).isEqualTo(LineageEvent.Kind.DATASET);

    ObjectNode jobEvent = runEvent();
    jobEvent.remove("run");
    jobEvent.remove("eventType");
    assertThat(OpenLineageParser.parse(jobEvent).kind()).isEqualTo(LineageEvent.Kind.JOB);
  }

  @Test
  void namesThePathOfEveryProblem() {
    ObjectNode event = runEvent();
    event.remove("producer");
    event.put("eventTime", "yesterday");
    ((ObjectNode) event.get("job")).remove("namespace");
    ((ObjectNode)
            event.get("outputs").get(0).get("facets").get("columnLineage").get("fields").get("a"))
        .put("inputFields", "x");

    assertThat(paths(invalid(event)))
        .contains(
            "$.producer",
            "$.eventTime",
            "$.job.namespace",
            "$.outputs[0].facets.columnLineage.fields.a.inputFields");
  }

  @Test
  void refusesAnUnknownEventTypeAndABadRunId() {
    ObjectNode event = runEvent();
    event.put("eventType", "DONE");
    ((ObjectNode) event.get("run")).put("runId", "42");
    assertThat(paths(invalid(event))).contains("$.eventType", "$.run.runId");
  }

  @Test
  void keepsFacetsItDoesNotKnow() {
    ObjectNode event = runEvent();
    ((ObjectNode) event.get("outputs").get(0).get("facets")).putObject("vendorThing").put("v", 1);
    LineageEvent parsed = OpenLineageParser.parse(event);
    assertThat(parsed.outputs().get(0).facets().path("vendorThing").path("v").asInt()).isEqualTo(1);
  }
}
