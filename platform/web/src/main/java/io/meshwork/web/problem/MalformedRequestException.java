package io.meshwork.web.problem;

import java.util.List;

/** 400: the request cannot be read at all (bad syntax, wrong shape, unparsable parameter). */
public class MalformedRequestException extends ProblemException {

  public MalformedRequestException(String code, String detail) {
    super(400, code, "Malformed request", detail);
  }

  public MalformedRequestException(String code, String detail, List<Problem.Violation> violations) {
    super(400, code, "Malformed request", detail, violations);
  }
}
