package io.meshwork.catalog.product.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Set;

/** A field's constraints against its type: which apply, whether they are well-formed and agree. */
final class ConstraintChecks {

  private static final Set<String> KEYS =
      Set.of(
          "required", "pattern", "min", "max", "minLength", "maxLength", "allowedValues", "unique");

  private final SpecValidator validator;
  private final JsonNode constraints;
  private final String path;
  private final FieldTypes.Kind kind;

  ConstraintChecks(SpecValidator validator, JsonNode constraints, String path, String type) {
    this.validator = validator;
    this.constraints = constraints;
    this.path = path;
    this.kind = type == null ? null : FieldTypes.kindOf(type);
  }

  void check() {
    validator.keys(constraints, KEYS, path + ".");
    flag("required");
    flag("unique");
    pattern();
    BigDecimal min = number("min", FieldTypes.Kind.NUMBER);
    BigDecimal max = number("max", FieldTypes.Kind.NUMBER);
    if (min != null && max != null && min.compareTo(max) > 0) {
      validator.add(
          path + ".min", "is " + min.toPlainString() + ", above max " + max.toPlainString());
    }
    BigDecimal minLength = number("minLength", FieldTypes.Kind.TEXT);
    BigDecimal maxLength = number("maxLength", FieldTypes.Kind.TEXT);
    for (String key : new String[] {"minLength", "maxLength"}) {
      BigDecimal value = key.equals("minLength") ? minLength : maxLength;
      if (value != null && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0)) {
        validator.add(path + "." + key, "must be a whole number, 0 or more");
      }
    }
    if (minLength != null && maxLength != null && minLength.compareTo(maxLength) > 0) {
      validator.add(path + ".minLength", "is above maxLength " + maxLength.toPlainString());
    }
    JsonNode allowed = constraints.get("allowedValues");
    if (allowed != null && (!allowed.isArray() || allowed.isEmpty())) {
      validator.add(path + ".allowedValues", "must be a list of at least one value");
    }
  }

  private void flag(String key) {
    JsonNode value = constraints.get(key);
    if (value != null && !value.isBoolean()) {
      validator.add(path + "." + key, "must be true or false");
    }
  }

  private void pattern() {
    JsonNode value = constraints.get("pattern");
    if (value == null) {
      return;
    }
    if (!value.isTextual()) {
      validator.add(path + ".pattern", "must be a regular expression");
    } else if (!SpecValidator.compiles(value.asText())) {
      validator.add(path + ".pattern", "'" + value.asText() + "' is not a regular expression");
    } else if (kind != null && kind != FieldTypes.Kind.TEXT) {
      validator.add(path + ".pattern", "applies to string fields only");
    }
  }

  private BigDecimal number(String key, FieldTypes.Kind applies) {
    JsonNode value = constraints.get(key);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      validator.add(path + "." + key, "must be a number");
      return null;
    }
    if (kind != null && kind != applies) {
      validator.add(
          path + "." + key,
          "applies to "
              + (applies == FieldTypes.Kind.TEXT ? "string" : "numeric")
              + " fields only");
      return null;
    }
    return value.decimalValue();
  }
}
