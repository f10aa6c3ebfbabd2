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
