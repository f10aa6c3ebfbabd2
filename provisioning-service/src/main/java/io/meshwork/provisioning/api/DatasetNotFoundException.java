package io.meshwork.provisioning.api;

import io.meshwork.web.problem.ResourceNotFoundException;

public class DatasetNotFoundException extends ResourceNotFoundException {

  public DatasetNotFoundException(String domain, String name) {
    super("provisioning.dataset.not-found", "No dataset '" + name + "' in domain '" + domain + "'");
  }
}
