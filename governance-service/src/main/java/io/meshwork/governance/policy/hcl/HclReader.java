package io.meshwork.governance.policy.hcl;

import io.meshwork.governance.policy.hcl.HclBody.Attribute;
import io.meshwork.governance.policy.hcl.HclBody.Block;
import io.meshwork.governance.policy.hcl.HclValue.Member;
import io.meshwork.governance.policy.hcl.HclValue.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.openrewrite.hcl.internal.grammar.HCLLexer;
import org.openrewrite.hcl.internal.grammar.HCLParser;
import org.openrewrite.hcl.internal.grammar.HCLParser.BlockLabelContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.BodyContentContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.BodyContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.CollectionValueContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.CollectionValueExpressionContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.ExprTermContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.ExpressionContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.ExpressionTermContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.HeredocContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.HeredocTemplatePartContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.LiteralExpressionContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.LiteralValueContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.ObjectelemContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.ParentheticalExpressionContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.QuotedTemplateContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.QuotedTemplatePartContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.TemplateExpressionContext;
import org.openrewrite.hcl.internal.grammar.HCLParser.VariableExpressionContext;

/**
 * Reads an HCL document (HashiCorp's native syntax) into {@link HclBody}. The lexer and parser are
 * the ANTLR grammar OpenRewrite maintains for Terraform files; this class only walks its tree.
 *
 * <p>Policies are data, so only literal values are allowed: strings (without {@code ${...}}),
 * numbers, booleans, null, lists and maps. Variables, functions and operators are refused where
 * they are written, so that reading a policy never evaluates anything.
 */
public final class HclReader {

  private final List<HclSyntaxException.Error> errors = new ArrayList<>();

  private HclReader() {}

  public static HclBody read(String text) throws HclSyntaxException {
    HclReader reader = new HclReader();
    HCLLexer lexer = new HCLLexer(CharStreams.fromString(text));
    HCLParser parser = new HCLParser(new CommonTokenStream(lexer));
    BaseErrorListener listener = reader.syntaxErrors();
    lexer.removeErrorListeners();
    parser.removeErrorListeners();
    lexer.addErrorListener(listener);
    parser.addErrorListener(listener);
    BodyContext body = parser.configFile().body();
    if (!reader.errors.isEmpty()) {
      throw new HclSyntaxException(reader.errors.subList(0, Math.min(5, reader.errors.size())));
    }
    HclBody result = reader.body(body);
    if (!reader.errors.isEmpty()) {
      throw new HclSyntaxException(reader.errors);
    }
    return result;
  }

  private BaseErrorListener syntaxErrors() {
    return new BaseErrorListener() {
      @Override
      public void syntaxError(
          Recognizer<?, ?> recognizer,
          Object offending,
          int line,
          int column,
          String message,
          RecognitionException e) {
        errors.add(
            new HclSyntaxException.Error(
                line, column + 1, SyntaxMessages.explain(offending, message)));
      }
    };
  }

  private HclBody body(BodyContext body) {
    List<Attribute> attributes = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    for (BodyContentContext content : body.bodyContent()) {
      if (content.attribute() != null) {
        TerminalNode name =
            content.attribute().Identifier() != null
                ? content.attribute().Identifier()
                : content.attribute().NULL();
        HclValue value = value(content.attribute().expression());
        if (value != null) {
          attributes.add(new Attribute(name.getText(), value, at(content.attribute())));
        }
      } else {
        List<String> labels = new ArrayList<>();
        for (BlockLabelContext label : content.block().blockLabel()) {
          labels.add(
              label.Identifier() != null
                  ? label.Identifier().getText()
                  : unescape(label.stringLiteral() == null ? "" : label.stringLiteral().getText()));
        }
        blocks.add(
            new Block(
                content.block().Identifier().getText(),
                labels,
                body(content.block().blockExpr().body()),
                at(content.block())));
      }
    }
    return new HclBody(attributes, blocks);
  }

  private HclValue value(ExpressionContext expression) {
    if (expression instanceof ExpressionTermContext term) {
      return term(term.exprTerm());
    }
    refuse(expression, "operators and conditions are");
    return null;
  }

  private HclValue term(ExprTermContext term) {
    if (term instanceof LiteralExpressionContext literal) {
      return literal(literal.literalValue());
    }
    if (term instanceof TemplateExpressionContext template) {
      String text =
          template.templateExpr() instanceof HeredocContext heredoc
              ? heredoc(heredoc)
              : quoted(((QuotedTemplateContext) template.templateExpr()).quotedTemplatePart());
      return text == null ? null : new HclValue.Text(text, at(term));
    }
    if (term instanceof CollectionValueExpressionContext collection) {
      return collection(collection.collectionValue());
    }
    if (term instanceof ParentheticalExpressionContext parenthetical) {
      return value(parenthetical.expression());
    }
    refuse(term, term instanceof VariableExpressionContext ? "variables are" : "expressions are");
    return null;
  }

  private HclValue literal(LiteralValueContext literal) {
    Position at = at(literal);
    if (literal.NumericLiteral() != null) {
      try {
        return new HclValue.Number(new BigDecimal(literal.NumericLiteral().getText()), at);
      } catch (NumberFormatException e) {
        errors.add(error(at, "'" + literal.getText() + "' is not a number"));
        return null;
      }
    }
    if (literal.BooleanLiteral() != null) {
      return new HclValue.Bool(Boolean.parseBoolean(literal.BooleanLiteral().getText()), at);
    }
    return new HclValue.Null(at);
  }

  private HclValue collection(CollectionValueContext collection) {
    if (collection.tuple() != null) {
      List<HclValue> items = new ArrayList<>();
      for (ExpressionContext item : collection.tuple().expression()) {
        HclValue value = value(item);
        if (value != null) {
          items.add(value);
        }
      }
      return new HclValue.Tuple(items, at(collection));
    }
    Map<String, Member> members = new LinkedHashMap<>();
    for (ObjectelemContext element : collection.object().objectelem()) {
      String key = key(element);
      HclValue value = value(element.expression(element.expression().size() - 1));
      if (key == null || value == null) {
        continue;
      }
      if (members.containsKey(key)) {
        errors.add(error(at(element), "'" + key + "' is given twice"));
      }
      members.put(key, new Member(key, value, at(element)));
    }
    return new HclValue.ObjectValue(members, at(collection));
  }

  /** An object key: a name ({@code threshold}), a quoted string or a quoted literal term. */
  private String key(ObjectelemContext element) {
    if (element.qualifiedIdentifier() != null) {
      return element.qualifiedIdentifier().getText();
    }
    if (element.NULL() != null) {
      return "null";
    }
    if (element.QUOTE().size() == 2) {
      return quoted(element.quotedTemplatePart());
    }
    if (element.expression().size() == 2) {
      ExpressionContext key = element.expression(0);
      if (key instanceof ExpressionTermContext term
          && term.exprTerm() instanceof VariableExpressionContext variable) {
        return variable.getText();
      }
      HclValue value = value(key);
      if (value instanceof HclValue.Text text) {
        return text.value();
      }
      if (value != null) {
        errors.add(error(value.at(), "a key must be a name or a string, not " + value.describe()));
      }
    }
    return null;
  }

  private String quoted(List<QuotedTemplatePartContext> parts) {
    StringBuilder text = new StringBuilder();
    for (QuotedTemplatePartContext part : parts) {
      if (part.templateInterpolation() != null) {
        refuse(part, "${...} interpolation is");
        return null;
      }
      text.append(unescape(part.stringLiteral().getText()));
    }
    return text.toString();
  }

  /** A heredoc's lines, as written between its markers. */
  private String heredoc(HeredocContext heredoc) {
    StringBuilder text = new StringBuilder();
    boolean first = true;
    for (int i = 2; i < heredoc.getChildCount() - 1; i++) {
      ParseTree child = heredoc.getChild(i);
      if (child instanceof TerminalNode node && node.getSymbol().getType() == HCLLexer.NEWLINE) {
        if (!first) {
          text.append('\n');
        }
        first = false;
      } else if (child instanceof HeredocTemplatePartContext part) {
        if (part.templateInterpolation() != null) {
          refuse(part, "${...} interpolation is");
          return null;
        }
        text.append(part.heredocLiteral().getText());
      }
    }
    return text.toString();
  }

  private void refuse(ParserRuleContext context, String what) {
    errors.add(
        error(
            at(context),
            what
                + " not allowed in a policy; write literal values (strings, numbers, true/false,"
                + " lists and maps)"));
  }

  private static String unescape(String raw) {
    if (raw.indexOf('\\') < 0 && !raw.contains("$${") && !raw.contains("%%{")) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(++i);
        switch (next) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'u' -> {
            if (i + 4 < raw.length()) {
              out.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
              i += 4;
            }
          }
          default -> out.append(next);
        }
      } else if ((c == '$' || c == '%') && raw.startsWith(c + "" + c + "{", i)) {
        out.append(c).append('{');
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Position at(ParserRuleContext context) {
    Token start = context.getStart();
    return new Position(start.getLine(), start.getCharPositionInLine() + 1);
  }

  private static HclSyntaxException.Error error(Position at, String message) {
    return new HclSyntaxException.Error(at.line(), at.column(), message);
  }
}
