package io.meshwork.web.problem;

import java.util.List;

/**
 * Base of every error the platform reports on purpose: carries the HTTP status, stable code and
 * human-readable detail of the problem+json body the shared mapper writes.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String code;
  private final String title;
  private final List<Problem.Violation> violations;

  public ProblemException(int status, String code, String title, String detail) {
    this(status, code, title, detail, List.of());
  }

  public ProblemException(
      int status, String code, String title, String detail, List<Problem.Violation> violations) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.violations = List.copyOf(violations);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public List<Problem.Violation> violations() {
    return violations;
  }
}
