package io.meshwork.web.problem;

/** 404: the addressed resource does not exist (or is not visible to the caller). */
public class ResourceNotFoundException extends ProblemException {

  public ResourceNotFoundException(String code, String detail) {
    super(404, code, "Not found", detail);
  }
}
