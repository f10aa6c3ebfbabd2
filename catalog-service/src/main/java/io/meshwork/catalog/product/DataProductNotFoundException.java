package io.meshwork.catalog.product;

import io.meshwork.web.problem.ResourceNotFoundException;

public class DataProductNotFoundException extends ResourceNotFoundException {

  public DataProductNotFoundException(String name) {
    super("catalog.data-product.not-found", "No data product '" + name + "'");
  }

  public DataProductNotFoundException(String name, String version) {
    super(
        "catalog.data-product.version-not-found",
        "Data product '" + name + "' has no version " + version);
  }
}
