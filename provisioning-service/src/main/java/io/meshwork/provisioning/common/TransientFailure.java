package io.meshwork.provisioning.common;

/** A failure that may go away (a server down, a timeout): the work is retried with backoff. */
public class TransientFailure extends PublicFailure {

  public TransientFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
