package io.meshwork.web.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The part of a parser's message that callers may see: what is wrong with their own text and where.
 * A schema or document parser is the public reason for a bad upload (Confluent's registry answers
 * with it too), but parsers also print their own class names, Jackson's source dumps and the names
 * of its settings; those are cut here.
 */
public final class ParserMessages {

  /**
   * Avro wraps Jackson's failures as {@code com.fasterxml.jackson.core.JsonParseException: ...}.
   */
  private static final Pattern CLASS_PREFIX =
      Pattern.compile("^\\s*(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error):\\s*");

  /**
   * Jackson's location dump, {@code (start marker at [Source: REDACTED (`StreamReadFeature...`
   * disabled); line: 1, column: 1])}: names a setting, and the location is reported separately.
   */
  private static final Pattern SOURCE =
      Pattern.compile("\\s*\\(?(?:start marker at )?\\[Source: [^\\]]*]\\)?");

  /** Qualified names of the platform's and its libraries' own types. */
  private static final Pattern INTERNAL_TYPE =
      Pattern.compile(
          "\\b(?:java|javax|jakarta|sun|jdk|com\\.fasterxml|com\\.networknt|org\\.apache|org\\.yaml"
              + "|org\\.snakeyaml|org\\.jboss|org\\.postgresql|io\\.quarkus|io\\.vertx|io\\.smallrye"
              + "|io\\.meshwork)(?:\\.[A-Za-z_$][\\w$]*)*\\.([A-Z][\\w$]*)");

  /** Jackson's {@code (class Decision)} note: the name is ours, not the caller's. */
  private static final Pattern CLASS_NOTE = Pattern.compile("\\s*\\(class [^)]*\\)");

  /** A nested type's binary name, {@code AccessRequests$Decision}: only the last part is shown. */
  private static final Pattern NESTED_TYPE = Pattern.compile("\\b(?:[A-Z][\\w]*\\$)+([A-Z]\\w*)");

  /** {@code (java.time.format.DateTimeParseException)} that Jackson puts in its messages. */
  private static final Pattern EXCEPTION_NOTE =
      Pattern.compile("\\(\\s*(?:[A-Za-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\)\\s*");

  private ParserMessages() {}

  /** The first line of {@code message}, without class names, settings or source dumps. */
  public static String clean(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable input";
    }
    String text = CLASS_PREFIX.matcher(message).replaceFirst("");
    text = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
    text = SOURCE.matcher(text).replaceAll("");
    text = INTERNAL_TYPE.matcher(text).replaceAll("$1");
    text = CLASS_NOTE.matcher(text).replaceAll("");
    text = EXCEPTION_NOTE.matcher(text).replaceAll("");
    text = NESTED_TYPE.matcher(text).replaceAll("$1").trim();
    return text.isEmpty() ? "unreadable input" : text;
  }

  /** The reason of a Jackson failure about the caller's text (its original message, cleaned). */
  public static String clean(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds().stream()
              .map(id -> "\"" + id + "\"")
              .sorted()
              .collect(Collectors.joining(", "));
      return "unknown field \""
          + unknown.getPropertyName()
          + "\""
          + (known.isEmpty() ? "" : "; known fields: " + known);
    }
    return clean(e.getOriginalMessage());
  }

  /** {@code line 3, column 7}, where Jackson knows the place. */
  public static Optional<String> location(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return Optional.empty();
    }
    return Optional.of("line " + location.getLineNr() + ", column " + location.getColumnNr());
  }

  /**
   * A document that does not parse, as one violation at {@code $}: {@code line 3, column 7: not
   * valid YAML: <reason>}.
   */
  public static Problem.Violation syntax(JsonProcessingException e, boolean yaml) {
    return new Problem.Violation(
        "$",
        location(e).map(at -> at + ": ").orElse("")
            + (yaml ? "not valid YAML: " : "not valid JSON: ")
            + clean(e));
  }

  /** {@code not JSON at line 3, column 7: <reason>}. */
  public static String notJson(JsonProcessingException e) {
    return "not JSON" + location(e).map(at -> " at " + at).orElse("") + ": " + clean(e);
  }

  /** The Jackson failure behind {@code e} (itself or a cause), as Avro's parser wraps them. */
  public static Optional<JsonProcessingException> jsonCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException json) {
        return Optional.of(json);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }
}
