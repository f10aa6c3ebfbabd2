package io.meshwork.events;

import java.util.Objects;

/**
 * One kind of event exchanged between services: its CloudEvents {@code type} ({@code
 * io.meshwork.<service>.<aggregate>.<past-tense-verb>.v1}), the topic it travels on, the producing
 * service as CloudEvents {@code source}, and its JSON payload class.
 */
public record EventType<T>(String type, String topic, String source, Class<T> payloadClass) {

  public EventType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(payloadClass, "payloadClass");
  }
}
