package io.meshwork.web.problem;

import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Failures whose cause callers must not see (a driver's, an SDK's or a server's own message names
 * hosts, ports, SQL states and classes). The cause goes to the log under a fresh reference; the
 * caller gets the public reason written here with that reference, so an operator can find one from
 * the other.
 */
public final class Incidents {

  private Incidents() {}

  /**
   * Logs {@code cause} under a new reference and returns the text callers may see: {@code reason}
   * followed by {@code (reference <id>)}.
   */
  public static String record(Logger log, String reason, Throwable cause) {
    String reference = UUID.randomUUID().toString();
    log.warnf(cause, "%s [reference %s]", reason, reference);
    return reason + " (reference " + reference + ")";
  }
}
