package io.meshwork.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** JSON encoding of event payloads, with the application's configured ObjectMapper. */
@ApplicationScoped
public class EventCodec {

  private final ObjectMapper mapper;

  public EventCodec(ObjectMapper mapper) {
    // Consumers must accept fields added by newer producers (a compatible change keeps v1).
    this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  public String encode(Object payload) {
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot encode " + payload.getClass().getSimpleName(), e);
    }
  }

  public <T> T decode(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(
          "Event payload is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(),
          e);
    }
  }
}
