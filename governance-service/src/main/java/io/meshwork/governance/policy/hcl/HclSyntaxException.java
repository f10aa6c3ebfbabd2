package io.meshwork.governance.policy.hcl;

import java.util.List;

/** The document is not HCL, or uses HCL that a policy may not (expressions, interpolation). */
public class HclSyntaxException extends Exception {

  /** One problem, where it is: 1-based line and column. */
  public record Error(int line, int column, String message) {
    @Override
    public String toString() {
      return "line " + line + ", column " + column + ": " + message;
    }
  }

  private final transient List<Error> errors;

  public HclSyntaxException(List<Error> errors) {
    super(errors.isEmpty() ? "invalid HCL" : errors.get(0).toString(), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public List<Error> errors() {
    return errors;
  }
}
