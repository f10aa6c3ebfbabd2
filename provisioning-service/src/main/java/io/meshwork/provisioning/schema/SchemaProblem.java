package io.meshwork.provisioning.schema;

/**
 * A schema that cannot become a dataset: permanent, the dataset fails (or the request is refused).
 */
public class SchemaProblem extends RuntimeException {

  private final String field;

  public SchemaProblem(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
