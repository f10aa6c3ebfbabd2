package io.meshwork.infra;

/** One real server run by the supervisor. */
interface Server extends AutoCloseable {

  Component component();

  /**
   * Starts the server and blocks until it accepts clients; publishes its endpoints in the state.
   */
  void start(InfraState state) throws Exception;

  /** False once a server that runs as its own process has died. */
  default boolean alive() {
    return true;
  }

  @Override
  void close();
}
