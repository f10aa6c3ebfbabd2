package io.meshwork.contracts.contract.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Descriptive fields and servers: never breaking for the data, but worth a reviewer's look. */
final class MetadataDiff {

  private final Changes changes;

  MetadataDiff(Changes changes) {
    this.changes = changes;
  }

  void compare(JsonNode before, JsonNode after) {
    for (String field : List.of("description", "team", "roles", "tags", "name")) {
      if (!Objects.equals(before.get(field), after.get(field))) {
        changes.add(Severity.INFO, "METADATA_CHANGED", field, null, null, field + " changed");
      }
    }
    Map<String, JsonNode> oldServers = Changes.byKey(before.path("servers"), "server");
    Map<String, JsonNode> newServers = Changes.byKey(after.path("servers"), "server");
    for (String server : oldServers.keySet()) {
      if (!newServers.containsKey(server)) {
        changes.add(
            Severity.WARNING,
            "SERVER_REMOVED",
            "servers." + server,
            server,
            null,
            "consumers reading from " + server + " lose it");
      } else if (!oldServers.get(server).equals(newServers.get(server))) {
        changes.add(
            Severity.WARNING,
            "SERVER_CHANGED",
            "servers." + server,
            null,
            null,
            "where the data lives changes");
      }
    }
  }
}
