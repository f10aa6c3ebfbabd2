package io.meshwork.contracts.registry;

/**
 * Why a schema is refused: where (a JSON pointer into the new schema), which rule, the old and new
 * fragments, and how to fix it. Rendered into Confluent's message list.
 */
public record CompatibilityIssue(
    String rule,
    String path,
    String description,
    String oldFragment,
    String newFragment,
    String fix) {

  /**
   * The reader and writer are of different schema types: nothing else is compared. {@code root} is
   * the type's own way to say "the whole schema" ({@code /} or {@code #}).
   */
  public static CompatibilityIssue typeChanged(
      String root, ParsedSchema writer, ParsedSchema reader) {
    return new CompatibilityIssue(
        "SCHEMA_TYPE_CHANGED",
        root,
        "Incompatible because of different schema type",
        writer.type().name(),
        reader.type().name(),
        "Keep the subject's schema type; register other types under another subject.");
  }

  /** One line of Confluent's {@code details: [...]} / verbose {@code messages}. */
  public String render() {
    StringBuilder text =
        new StringBuilder("{errorType:'")
            .append(rule)
            .append("', path:'")
            .append(path)
            .append("', description:'")
            .append(description)
            .append("'");
    if (oldFragment != null) {
      text.append(", old:'").append(oldFragment).append("'");
    }
    if (newFragment != null) {
      text.append(", new:'").append(newFragment).append("'");
    }
    if (fix != null) {
      text.append(", fix:'").append(fix).append("'");
    }
    return text.append("}").toString();
  }
}
