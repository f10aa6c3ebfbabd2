package io.meshwork.web.problem;

import java.util.List;

/** 422: the request is well-formed but its content breaks a rule; names every offending field. */
public class InvalidRequestException extends ProblemException {

  public InvalidRequestException(String code, String detail, List<Problem.Violation> violations) {
    super(422, code, "Invalid request", detail, violations);
  }

  public static InvalidRequestException ofField(String code, String field, String message) {
    return new InvalidRequestException(
        code, field + ": " + message, List.of(new Problem.Violation(field, message)));
  }
}
