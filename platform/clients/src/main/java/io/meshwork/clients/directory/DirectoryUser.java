package io.meshwork.clients.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The parts of Keycloak's UserRepresentation the platform reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryUser(String id, String username, String email, Boolean enabled) {}
