package io.meshwork.governance.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code cel}: a custom rule as a CEL expression that must be true of the product, over the
 * variables {@code product}, {@code schema}, {@code service}, {@code lineage} and {@code
 * outputPorts} (the spec's parts). Type-checked when the policy is stored; {@code message} is the
 * remediation shown when it is false.
 */
public final class CelExpression implements RuleKind {

  public static final String NAME = "cel";
  static final List<String> VARIABLES =
      List.of("product", "schema", "service", "lineage", "outputPorts");

  private final CelCompiler compiler;
  private final CelRuntime runtime;

  public CelExpression() {
    var builder =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(SimpleType.BOOL);
    VARIABLES.forEach(variable -> builder.addVar(variable, SimpleType.DYN));
    this.compiler = builder.build();
    this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Rule compile(RuleParams params) {
    String expression = params.text("expression", true);
    String message = params.text("message", false);
    params.refuseUnknown(NAME);
    if (expression == null) {
      return null;
    }
    try {
      CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
      return new Compiled(expression, message, runtime.createProgram(ast));
    } catch (CelValidationException e) {
      params.invalid("expression", "does not compile: " + issues(e.getErrors()));
      return null;
    } catch (CelEvaluationException e) {
      params.invalid("expression", "cannot be planned: " + e.getErrorCode());
      return null;
    }
  }

  private static String issues(List<CelIssue> issues) {
    return issues.stream()
        .map(
            issue ->
                "at "
                    + issue.getSourceLocation().getLine()
                    + ":"
                    + (issue.getSourceLocation().getColumn() + 1)
                    + " "
                    + issue.getMessage())
        .collect(Collectors.joining("; "));
  }

  record Compiled(String expression, String message, CelRuntime.Program program) implements Rule {

    @Override
    public String kind() {
      return NAME;
    }

    @Override
    public Check check(ProductDescriptor product, Evidence evidence) {
      try {
        Object result = program.eval(product.celVariables());
        if (Boolean.TRUE.equals(result)) {
          return Check.met("holds: " + expression);
        }
        return Check.unmet(
            "false: " + expression,
            message != null ? message : "Change the product so that " + expression + " holds.");
      } catch (CelEvaluationException e) {
        return Check.unmet(
            "could not be evaluated on this product (" + e.getErrorCode() + "): " + expression,
            "If the expression reads an optional key, test it with has(...) first; otherwise"
                + " add what it reads to the product.");
      }
    }
  }
}
