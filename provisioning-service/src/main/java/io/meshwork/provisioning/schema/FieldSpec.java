package io.meshwork.provisioning.schema;

import java.util.List;

/**
 * One field of a dataset's schema, whatever its source (a registered Avro or JSON schema, or an
 * inline definition): what a table column, its NOT NULL, PRIMARY KEY and CHECK constraints need.
 */
public record FieldSpec(
    String name,
    FieldType type,
    boolean required,
    boolean primaryKey,
    Integer precision,
    Integer scale,
    Double minimum,
    Double maximum,
    Integer maxLength,
    String pattern,
    List<String> allowedValues) {

  public FieldSpec {
    allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
  }

  public static FieldSpec simple(String name, FieldType type, boolean required) {
    return new FieldSpec(
        name, type, required, false, null, null, null, null, null, null, List.of());
  }

  /** The PostgreSQL column type, with precision for decimals and a length for bounded strings. */
  public String sqlType() {
    if (type == FieldType.DECIMAL && precision != null) {
      return "numeric(" + precision + "," + (scale == null ? 0 : scale) + ")";
    }
    if (type == FieldType.STRING && maxLength != null) {
      return "varchar(" + maxLength + ")";
    }
    return type.sql();
  }
}
