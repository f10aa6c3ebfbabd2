package io.meshwork.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Event payloads may only change compatibly: consumers read leniently, so a new field is fine, but
 * a field removed or retyped, a type gone or moved to another topic breaks the services that read
 * it (make a v2 type and topic beside it instead). The shapes committed in
 * src/test/resources/event-payloads.json are the contract; this test compares the code with them.
 */
class EventPayloadCompatibilityTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void everyPayloadChangeIsCompatibleAndRecordedInTheSnapshot() throws IOException {
    ObjectNode current = shapes();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "event-payloads.json"), JSON.writeValueAsString(current));
    JsonNode committed;
    try (InputStream in = getClass().getResourceAsStream("/event-payloads.json")) {
      assertThat(in).as("src/test/resources/event-payloads.json").isNotNull();
      committed = JSON.readTree(in);
    }

    List<String> breaking = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = committed.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> type = it.next();
      JsonNode now = current.get(type.getKey());
      if (now == null) {
        breaking.add(type.getKey() + " is gone");
        continue;
      }
      if (!now.path("topic").equals(type.getValue().path("topic"))) {
        breaking.add(type.getKey() + " moved to topic " + now.path("topic").asText());
      }
      compareFields(type.getKey(), type.getValue().path("fields"), now.path("fields"), breaking);
    }
    assertThat(breaking)
        .as("incompatible event payload changes; publish a new type (.v2) beside the old instead")
        .isEmpty();
    assertThat(current)
        .as(
            "compatible changes: copy platform/events/target/event-payloads.json over"
                + " src/test/resources/event-payloads.json")
        .isEqualTo(committed);
  }

  private static void compareFields(
      String where, JsonNode before, JsonNode now, List<String> breaking) {
    for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode after = now.get(field.getKey());
      String path = where + "." + field.getKey();
      if (after == null) {
        breaking.add(path + " was removed");
      } else if (field.getValue().isObject() && after.isObject()) {
        compareFields(path, field.getValue(), after, breaking);
      } else if (!field.getValue().equals(after)) {
        breaking.add(path + " changed from " + field.getValue() + " to " + after);
      }
    }
  }

  private static ObjectNode shapes() {
    ObjectNode all = JSON.createObjectNode();
    for (EventType<?> type : EventCatalog.ALL) {
      ObjectNode one = all.putObject(type.type());
      one.put("topic", type.topic());
      one.put("source", type.source());
      one.set("fields", shape(type.payloadClass()));
    }
    return all;
  }

  /** A record as {field: type}; nested records and lists of them spelled out. */
  private static JsonNode shape(Type type) {
    if (type instanceof Class<?> cls && cls.isRecord()) {
      ObjectNode fields = JSON.createObjectNode();
      for (RecordComponent component : cls.getRecordComponents()) {
        fields.set(component.getName(), shape(component.getGenericType()));
      }
      return fields;
    }
    if (type instanceof ParameterizedType generic
        && generic.getRawType() instanceof Class<?> raw
        && Collection.class.isAssignableFrom(raw)) {
      ObjectNode list = JSON.createObjectNode();
      list.set("list", shape(generic.getActualTypeArguments()[0]));
      return list;
    }
    if (type instanceof ParameterizedType generic
        && generic.getRawType() instanceof Class<?> raw
        && Map.class.isAssignableFrom(raw)) {
      ObjectNode map = JSON.createObjectNode();
      map.set("map", shape(generic.getActualTypeArguments()[1]));
      return map;
    }
    return JSON.getNodeFactory().textNode(scalar(type));
  }

  private static String scalar(Type type) {
    if (type == String.class) {
      return "string";
    }
    if (type == UUID.class) {
      return "uuid";
    }
    if (type == Instant.class) {
      return "timestamp";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class) {
      return "integer";
    }
    if (type == double.class || type == Double.class) {
      return "number";
    }
    if (type instanceof Class<?> cls && cls.isEnum()) {
      return "enum";
    }
    if (type instanceof Class<?> cls && JsonNode.class.isAssignableFrom(cls)) {
      return "json";
    }
    return type.getTypeName();
  }
}
