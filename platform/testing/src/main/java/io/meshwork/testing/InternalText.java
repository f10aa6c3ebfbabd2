package io.meshwork.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What no answer may carry: a Java class or package name, a stack frame, an SQL state or a server's
 * error prefix, a host or a port of the servers behind a service. Tests run every error path's body
 * through {@link #assertNone}.
 */
public final class InternalText {

  private static final List<Pattern> FORBIDDEN =
      List.of(
          // io.meshwork.x.SomeException, java.io.IOException, org.postgresql.util.PSQLException
          Pattern.compile("\\b(?:java|javax|jakarta|org|com|io|sun)\\.[a-z0-9_]+\\.[\\w.$]*[A-Z]"),
          Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b"),
          Pattern.compile("(?m)^\\s*at [\\w.$]+\\("),
          Pattern.compile("\\tat "),
          Pattern.compile("\\bjava\\.[a-z]"),
          Pattern.compile("(?i)sql ?state"),
          Pattern.compile("\\b(?:ERROR|DETAIL|HINT|Position): "),
          Pattern.compile("\\b(?:22P05|22007|22008|22009|23505|42P01|42P07|42501|08001|08006)\\b"),
          Pattern.compile("\\b(?:127\\.0\\.0\\.1|localhost|0\\.0\\.0\\.0)\\b"),
          Pattern.compile("\\b(?:jdbc|postgresql|kafka|s3)://[\\w.-]+:\\d+"));

  /** GraphQL's own error classifications are public vocabulary, not class names. */
  private static final Pattern GRAPHQL_CLASSIFICATION =
      Pattern.compile("\"classification\"\\s*:\\s*\"[A-Za-z]+\"");

  private InternalText() {}

  /** Fails if {@code text} shows internals, or any of {@code secrets} (ports, URLs, names). */
  public static void assertNone(String text, String... secrets) {
    String checked = GRAPHQL_CLASSIFICATION.matcher(text).replaceAll("");
    for (Pattern pattern : FORBIDDEN) {
      assertThat(pattern.matcher(checked).find())
          .as("answer shows internal text matching %s: %s", pattern, text)
          .isFalse();
    }
    for (String secret : secrets) {
      assertThat(text).as("answer shows %s", secret).doesNotContain(secret);
    }
  }
}
