package io.meshwork.governance.policy.hcl;

import org.antlr.v4.runtime.Token;

/**
 * A syntax error in the author's words. ANTLR's own messages list the grammar's token names ({@code
 * FOR_BRACE}, {@code HEREDOC_START}), which mean nothing to someone writing a policy.
 */
final class SyntaxMessages {

  private SyntaxMessages() {}

  static String explain(Object offending, String antlrMessage) {
    if (offending instanceof Token token) {
      if (token.getType() == Token.EOF) {
        return "the document ends too early: a '}', ']' or '\"' is missing";
      }
      String text = token.getText();
      return switch (text) {
        case "}" -> "unexpected '}': a value or a closing bracket is missing before it";
        case "]" -> "unexpected ']': a value is missing before it";
        case "\n", "\r\n" -> "unexpected end of line: a value or a closing quote is missing";
        default -> "unexpected '" + shorten(text) + "'";
      };
    }
    // The lexer reports characters that start no token (offending is null for those); its message
    // ends with the characters, quoted.
    String prefix = "token recognition error at: ";
    if (antlrMessage != null && antlrMessage.startsWith(prefix)) {
      return "unexpected " + shorten(antlrMessage.substring(prefix.length()));
    }
    return "this character cannot appear here";
  }

  private static String shorten(String text) {
    String line = text.replace("\n", "\\n");
    return line.length() > 40 ? line.substring(0, 40) + "..." : line;
  }
}
