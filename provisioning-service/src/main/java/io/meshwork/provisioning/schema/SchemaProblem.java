package io.meshwork.provisioning.schema;

import io.meshwork.provisioning.common.PublicFailure;

/**
 * A schema that cannot become a dataset: permanent, the dataset fails (or the request is refused).
 */
public class SchemaProblem extends PublicFailure {

  private final String field;

  public SchemaProblem(String field, String message) {
    super(message, null);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
