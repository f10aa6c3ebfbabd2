package io.meshwork.provisioning.common;

import io.meshwork.web.problem.Incidents;
import org.jboss.logging.Logger;

/**
 * A failure whose message is written for the dataset's owner (it is stored as the dataset's {@code
 * lastError} and shown by the API): never a driver's, SDK's or server's own text.
 */
public class PublicFailure extends RuntimeException {

  public PublicFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * What an owner may read of {@code failure}: its message if it is a public failure; otherwise a
   * plain reason and a reference to the log, where the cause is.
   */
  public static String reason(Logger log, RuntimeException failure) {
    return failure instanceof PublicFailure
        ? failure.getMessage()
        : Incidents.record(log, "an unexpected error", failure);
  }
}
