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
          // Jackson's "(class Decision)" and binary names of nested types, AccessRequests$Decision
          Pattern.compile("\\(class "),
          Pattern.compile("\\b[A-Z]\\w*\\$[A-Z]"),
          Pattern.compile("(?m)^\\s*at [\\w.$]+\\("),
          Pattern.compile("\\tat "),
          Pattern.compile("\\bjava\\.[a-z]"),
          Pattern.compile("(?i)sql ?state"),
          Pattern.compile("\\b(?:ERROR|DETAIL|HINT|Position): "),
          // SQL states (42P01, 08001, 25006 ...) and ports: five characters from a digit on.
          Pattern.compile("\\b[0-9][0-9A-Z][0-9A-Z]{3}\\b"),
          Pattern.compile("\\b(?:127\\.0\\.0\\.1|localhost|0\\.0\\.0\\.0)\\b"),
          Pattern.compile("\\b(?:jdbc|postgresql|kafka|s3)://[\\w.-]+:\\d+"));

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z");

  /**
   * Confluent's error codes, parsers' places and character codes are public, five digits or not.
   */
  private static final Pattern PUBLIC_NUMBERS =
      Pattern.compile("\"error_code\"\\s*:\\s*\\d+|\\b(?:line|column|code) \\d+");

  private static final Pattern REFERENCE = Pattern.compile("reference " + UUID.pattern());

  /** GraphQL's own error classifications are public vocabulary, not class names. */
  private static final Pattern GRAPHQL_CLASSIFICATION =
      Pattern.compile("\"classification\"\\s*:\\s*\"[A-Za-z]+\"");

  private InternalText() {}

  /** Fails if {@code text} shows internals, or any of {@code secrets} (ports, URLs, names). */
  public static void assertNone(String text, String... secrets) {
    // Ids and times are ours; without them, digits in an answer can only come from elsewhere.
    String checked =
        INSTANT
            .matcher(
                UUID.matcher(
                        PUBLIC_NUMBERS
                            .matcher(GRAPHQL_CLASSIFICATION.matcher(text).replaceAll(""))
                            .replaceAll("<n>"))
                    .replaceAll("<id>"))
            .replaceAll("<time>");
    for (Pattern pattern : FORBIDDEN) {
      assertThat(pattern.matcher(checked).find())
          .as("answer shows internal text matching %s: %s", pattern, text)
          .isFalse();
    }
    for (String secret : secrets) {
      assertThat(text).as("answer shows %s", secret).doesNotContain(secret);
    }
  }

  /** Fails unless {@code text} gives a log reference ({@code reference <uuid>}) for its cause. */
  public static void assertReference(String text) {
    assertThat(REFERENCE.matcher(text).find()).as("a log reference in %s", text).isTrue();
  }
}
