package io.meshwork.testing;

import io.meshwork.infra.Component;
import io.meshwork.infra.InfraState;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.opentest4j.TestAbortedException;

/**
 * Which servers the tests run on, chosen by {@code -Dmeshwork.test.servers} (or {@code
 * MESHWORK_TEST_SERVERS}):
 *
 * <ul>
 *   <li>{@code local}, the default: the project's own servers ({@link TestInfra}); no container
 *       engine is ever asked.
 *   <li>{@code testcontainers}: PostgreSQL, Kafka, Keycloak and S3Proxy in containers ({@link
 *       ContainerServers}); where no engine answers, the tests that need servers are skipped with
 *       {@link #UNAVAILABLE_REASON} instead of failing one by one.
 *   <li>{@code auto}: containers where an engine answers, the project's own servers otherwise.
 * </ul>
 *
 * Both paths describe their servers with the same {@link InfraState} keys, so everything built on
 * them (databases, topic prefixes, tokens, service processes) is the same code.
 */
public final class TestServers {

  public static final String PROPERTY = "meshwork.test.servers";
  public static final String ENVIRONMENT = "MESHWORK_TEST_SERVERS";

  static final String UNAVAILABLE_REASON =
      PROPERTY
          + "=testcontainers, but no container engine answers (Testcontainers found no Docker or"
          + " compatible engine): the tests that need PostgreSQL, Kafka, Keycloak or S3 are"
          + " skipped. Start an engine, or leave "
          + PROPERTY
          + " unset to run them on the project's own servers.";

  private static final System.Logger LOG = System.getLogger(TestServers.class.getName());

  private static volatile Choice current;

  /** Where the servers come from. */
  public enum Choice {
    /** The project's own servers, as {@code ./meshwork test} starts them. */
    LOCAL,
    /** Containers started through Testcontainers. */
    TESTCONTAINERS,
    /** Containers were asked for, but no engine answers: tests that need servers are skipped. */
    UNAVAILABLE
  }

  private TestServers() {}

  /**
   * The choice for {@code requested} ({@code local}, {@code testcontainers}, {@code auto}; blank
   * means {@code local}, case and surrounding spaces do not matter). {@code engineAnswers} is only
   * asked when containers are requested.
   */
  static Choice choose(String requested, BooleanSupplier engineAnswers) {
    String value = requested == null ? "" : requested.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "", "local" -> Choice.LOCAL;
      case "auto" -> engineAnswers.getAsBoolean() ? Choice.TESTCONTAINERS : Choice.LOCAL;
      case "testcontainers" ->
          engineAnswers.getAsBoolean() ? Choice.TESTCONTAINERS : Choice.UNAVAILABLE;
      default ->
          throw new IllegalArgumentException(
              PROPERTY
                  + " is '"
                  + requested
                  + "'; use local (the default), testcontainers or auto");
    };
  }

  /** The system property when it is set, otherwise the environment variable. */
  static String requested(String property, String environment) {
    return property != null && !property.isBlank() ? property : environment;
  }

  /** The choice, made once per class loader (so the engine is asked once, not per test class). */
  public static Choice current() {
    Choice choice = current;
    if (choice == null) {
      synchronized (TestServers.class) {
        choice = current;
        if (choice == null) {
          String requested = requested(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT));
          choice = choose(requested, ContainerServers::engineAnswers);
          if (requested != null && !requested.isBlank()) {
            LOG.log(Level.INFO, "Test servers: {0} ({1}={2})", choice, PROPERTY, requested);
          }
          current = choice;
        }
      }
    }
    return choice;
  }

  /**
   * The running servers for {@code needed}, started if they are not up yet.
   *
   * @throws TestAbortedException where containers were asked for and no engine answers
   */
  public static InfraState ensureRunning(Component... needed) {
    return switch (current()) {
      case LOCAL -> TestInfra.ensureRunning(needed);
      case TESTCONTAINERS -> ContainerServers.ensureRunning(needed);
      case UNAVAILABLE -> throw new TestAbortedException(UNAVAILABLE_REASON);
    };
  }
}
