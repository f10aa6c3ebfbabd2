package io.meshwork.catalog.domain;

import io.meshwork.web.problem.ResourceNotFoundException;

public class DomainNotFoundException extends ResourceNotFoundException {

  public DomainNotFoundException(String name) {
    super("catalog.domain.not-found", "No data domain '" + name + "'");
  }
}
