package io.meshwork.clients.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Confluent's error body: {@code {"error_code": 40401, "message": "..."}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryError(@JsonProperty("error_code") int errorCode, String message) {

  /** 40401 subject not found, 40402 version not found, 40403 schema not found. */
  public boolean notFound() {
    return errorCode / 100 == 404;
  }

  /** The body of a refusal the REST client raised; an unreadable body keeps only the status. */
  public static RegistryError of(WebApplicationException refusal) {
    Response response = refusal.getResponse();
    try {
      RegistryError error = response.readEntity(RegistryError.class);
      return error == null ? new RegistryError(response.getStatus() * 100, null) : error;
    } catch (RuntimeException unreadable) {
      return new RegistryError(response.getStatus() * 100, null);
    }
  }
}
