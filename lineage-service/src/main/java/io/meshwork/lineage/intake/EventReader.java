package io.meshwork.lineage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Typed reads of one event's JSON values. A value that is not what the spec says is noted as a
 * violation at its JSON path, in our words (never a parser's message, which would quote the
 * library), and reads as absent, so reading goes on and one answer lists everything wrong.
 */
final class EventReader {

  private final List<EventViolation> violations = new ArrayList<>();

  List<EventViolation> violations() {
    return violations;
  }

  void problem(String path, String message) {
    violations.add(new EventViolation(path, message));
  }

  /** A facet map: an object whose values are objects (null values count as absent). */
  JsonNode facets(JsonNode node, String path) {
    if (node.isMissingNode() || node.isNull()) {
      return MissingNode.getInstance();
    }
    if (!node.isObject()) {
      problem(path, "must be an object of facets");
      return MissingNode.getInstance();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> facet = it.next();
      if (!facet.getValue().isObject() && !facet.getValue().isNull()) {
        problem(path + "." + facet.getKey(), "a facet must be an object");
      }
    }
    return node;
  }

  JsonNode object(JsonNode node, String path, boolean required) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      if (required) {
        problem(path, "is required");
      }
      return MissingNode.getInstance();
    }
    if (!node.isObject()) {
      problem(path, "must be an object");
      return MissingNode.getInstance();
    }
    return node;
  }

  String text(JsonNode node, String path, boolean required) {
    if (node.isMissingNode() || node.isNull()) {
      if (required) {
        problem(path, "is required");
      }
      return null;
    }
    if (!node.isTextual()) {
      problem(path, "must be a string");
      return null;
    }
    if (required && node.asText().isBlank()) {
      problem(path, "must not be blank");
      return null;
    }
    return node.asText();
  }

  String uri(JsonNode node, String path) {
    String value = text(node, path, true);
    if (value != null) {
      try {
        new URI(value);
      } catch (URISyntaxException e) {
        problem(path, "must be a URI");
        return null;
      }
    }
    return value;
  }

  Instant time(JsonNode node, String path) {
    String value = text(node, path, true);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      problem(path, "must be an ISO-8601 date-time with an offset, like 2024-06-15T12:00:00Z");
      return null;
    }
  }

  UUID uuid(JsonNode node, String path, boolean required) {
    String value = text(node, path, required);
    if (value == null) {
      return null;
    }
    try {
      UUID uuid = UUID.fromString(value);
      if (!uuid.toString().equalsIgnoreCase(value)) {
        throw new IllegalArgumentException(value);
      }
      return uuid;
    } catch (IllegalArgumentException e) {
      problem(path, "must be a UUID");
      return null;
    }
  }
}
