package io.meshwork.events.inbox;

/**
 * How long a consumer keeps an event when its database is unreachable (a restart, a failover): the
 * handling is tried again once a second for a minute, in the same order, instead of the event going
 * to the dead-letter topic after one failed attempt. Retrying is safe because handling and the
 * {@link Inbox} record commit together, so a failed attempt left nothing behind. Used as
 * {@code @Retry(maxRetries = MAX_RETRIES, delay = DELAY_MILLIS, retryOn =
 * JDBCConnectionException.class)} on every {@code @Incoming} method; other failures go to the
 * dead-letter topic at once, as before.
 */
public final class ConsumerRetries {

  public static final int MAX_RETRIES = 60;
  public static final long DELAY_MILLIS = 1000;

  private ConsumerRetries() {}
}
