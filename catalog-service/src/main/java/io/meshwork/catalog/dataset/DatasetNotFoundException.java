package io.meshwork.catalog.dataset;

import io.meshwork.web.problem.ResourceNotFoundException;

public class DatasetNotFoundException extends ResourceNotFoundException {

  public DatasetNotFoundException(String domain, String name) {
    super(
        "catalog.dataset.not-found",
        "The catalog has no dataset '" + name + "' in domain '" + domain + "'");
  }
}
