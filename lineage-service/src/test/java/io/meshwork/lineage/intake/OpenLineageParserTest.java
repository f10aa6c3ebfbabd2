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
  void datasetWideInputsFeedEveryFieldAndLegacyFacetsKeepTheirTransformation() {
    ObjectNode event = runEvent();
    ObjectNode facet = (ObjectNode) event.get("outputs").get(0).get("facets").get("columnLineage");
    // A 1-0-x field: no transformations array, the type and description on the field itself.
    ObjectNode legacy = ((ObjectNode) facet.get("fields")).putObject("b");
    legacy.put("transformationType", "IDENTITY").put("transformationDescription", "copied");
    legacy
        .putArray("inputFields")
        .addObject()
        .put("namespace", "ns")
        .put("name", "in")
        .put("field", "y");
    // 1-2-0: inputs that affect the whole dataset; "x" is also field a's own input.
    com.fasterxml.jackson.databind.node.ArrayNode wide = facet.putArray("dataset");
    ObjectNode filter =
        wide.addObject().put("namespace", "ns").put("name", "in").put("field", "region");
    filter.putArray("transformations").addObject().put("type", "INDIRECT").put("subtype", "FILTER");
    ObjectNode join = wide.addObject().put("namespace", "ns").put("name", "in").put("field", "x");
    join.putArray("transformations").addObject().put("type", "INDIRECT").put("subtype", "JOIN");

    java.util.Map<String, LineageEvent.ColumnLineage> fields = new java.util.HashMap<>();
    OpenLineageParser.parse(event)
        .outputs()
        .get(0)
        .columnLineage()
        .forEach(c -> fields.put(c.field(), c));

    assertThat(fields.get("a").inputs())
        .extracting(LineageEvent.InputField::field)
        .containsExactly("x", "region");
    assertThat(fields.get("a").inputs().get(0).transformations().toString())
        .contains("IDENTITY")
        .contains("JOIN");
    assertThat(fields.get("b").inputs())
        .extracting(LineageEvent.InputField::field)
        .containsExactly("y", "region", "x");
    assertThat(fields.get("b").inputs().get(0).transformations().toString())
        .isEqualTo("[{\"subtype\":\"IDENTITY\",\"description\":\"copied\"}]");
    assertThat(fields.get("b").inputs().get(1).transformations().toString()).contains("FILTER");

    facet.put("dataset", "everything");
    assertThat(paths(invalid(event))).contains("$.outputs[0].facets.columnLineage.dataset");
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
