package io.meshwork.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A consumer's handlers by CloudEvent type: each registered with the {@link EventType} it takes, so
 * its payload is decoded into that type's class before the handler sees it. Types without a handler
 * are not this consumer's business and are skipped.
 */
public final class EventHandlers {

  /** Handles one decoded payload. */
  @FunctionalInterface
  public interface Handler<T> {
    void handle(T payload) throws Exception;
  }

  private record Registered<T>(EventType<T> type, Handler<T> handler) {
    void run(EventCodec codec, String payload) throws Exception {
      handler.handle(codec.decode(payload, type.payloadClass()));
    }
  }

  private final EventCodec codec;
  private final Map<String, Registered<?>> byType = new LinkedHashMap<>();

  public EventHandlers(EventCodec codec) {
    this.codec = codec;
  }

  public <T> EventHandlers on(EventType<T> type, Handler<T> handler) {
    if (byType.putIfAbsent(type.type(), new Registered<>(type, handler)) != null) {
      throw new IllegalArgumentException("Two handlers for " + type.type());
    }
    return this;
  }

  /**
   * Runs the handler of {@code type} on {@code payload}.
   *
   * @return false when no handler is registered for the type
   * @throws MalformedEventException when the payload is not the type's JSON
   */
  public boolean dispatch(String type, String payload) throws Exception {
    Registered<?> registered = byType.get(type);
    if (registered == null) {
      return false;
    }
    registered.run(codec, payload);
    return true;
  }

  /** The CloudEvent types handled, in the order registered. */
  public Set<String> types() {
    return byType.keySet();
  }
}
