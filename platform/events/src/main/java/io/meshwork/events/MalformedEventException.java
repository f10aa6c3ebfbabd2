package io.meshwork.events;

/** A consumed event whose payload does not match its declared type; it can never succeed. */
public class MalformedEventException extends RuntimeException {

  public MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
