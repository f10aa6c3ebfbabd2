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
          Pattern.compile("(?i)sql ?state"),
          Pattern.compile("\\bERROR: "),
          Pattern.compile("\\b(?:127\\.0\\.0\\.1|localhost|0\\.0\\.0\\.0)\\b"),
          Pattern.compile("\\b(?:jdbc|postgresql|kafka|s3)://[\\w.-]+:\\d+"));

  private InternalText() {}

  /** Fails if {@code text} shows internals, or any of {@code secrets} (ports, URLs, names). */
  public static void assertNone(String text, String... secrets) {
    for (Pattern pattern : FORBIDDEN) {
      assertThat(pattern.matcher(text).find())
          .as("answer shows internal text matching %s: %s", pattern, text)
          .isFalse();
    }
    for (String secret : secrets) {
      assertThat(text).as("answer shows %s", secret).doesNotContain(secret);
    }
  }
}
