package io.meshwork.governance.policy;

import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.Problem.Violation;
import java.util.List;

/** 422: the policy document is not valid HCL, or not a valid policy; each problem at its place. */
public class InvalidPolicyException extends InvalidRequestException {

  public static final String CODE = "governance.policy.invalid";

  public InvalidPolicyException(List<Violation> violations) {
    super(CODE, summary(violations), violations);
  }

  private static String summary(List<Violation> violations) {
    Violation first = violations.get(0);
    String where =
        first.line() == null ? "" : " (line " + first.line() + ", column " + first.column() + ")";
    return violations.size() == 1
        ? "The policy document has a problem" + where + ": " + first.message()
        : "The policy document has "
            + violations.size()
            + " problems; the first"
            + where
            + ": "
            + first.message();
  }
}
