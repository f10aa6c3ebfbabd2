package io.meshwork.clients.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** The parts of Keycloak's GroupRepresentation the platform reads (a team is a group). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryGroup(
    String id, String name, String path, Map<String, List<String>> attributes) {

  public DirectoryGroup {
    attributes = attributes == null ? Map.of() : attributes;
  }
}
