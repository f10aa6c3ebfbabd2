package io.meshwork.web.problem;

import java.util.List;

/** 409: the request contradicts the current state of the resource. */
public class ConflictException extends ProblemException {

  public ConflictException(String code, String detail) {
    super(409, code, "Conflict", detail);
  }

  public ConflictException(String code, String detail, List<Problem.Violation> differences) {
    super(409, code, "Conflict", detail, differences);
  }
}
