package io.meshwork.web.security;

import io.meshwork.web.problem.ProblemException;

/** 403: the caller is authenticated but may not act in this domain. */
public class DomainAccessDeniedException extends ProblemException {

  public DomainAccessDeniedException(String detail) {
    super(403, "auth.domain-forbidden", "Forbidden", detail);
  }
}
