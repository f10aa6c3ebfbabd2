package io.meshwork.contracts.jsonschema;

/**
 * Why a JSON Schema change breaks compatibility, named like Confluent's difference types where one
 * exists, each with the advice shown to the user.
 */
enum Rule {
  SCHEMA_NARROWED("Keep accepting the values the old schema accepted here."),
  TYPE_NARROWED(
      "Keep the old type(s) allowed, e.g. \"type\": [\"old\", \"new\"], or publish a new major version."),
  ENUM_ADDED("Drop the enum, or make it list every value producers may already send."),
  ENUM_NARROWED("Keep the removed values in the enum (you may deprecate them in the description)."),
  MIN_LENGTH_INCREASED("Keep minLength at its old value or lower."),
  MAX_LENGTH_DECREASED("Keep maxLength at its old value or higher."),
  PATTERN_ADDED("Drop the pattern, or validate it downstream instead of in the schema."),
  PATTERN_CHANGED("Keep the old pattern, or use one that matches everything the old one matched."),
  FORMAT_ADDED("Drop the format, or add it only with a new major version."),
  MINIMUM_INCREASED("Keep minimum at its old value or lower."),
  EXCLUSIVE_MINIMUM_INCREASED("Keep exclusiveMinimum at its old value or lower."),
  MAXIMUM_DECREASED("Keep maximum at its old value or higher."),
  EXCLUSIVE_MAXIMUM_DECREASED("Keep exclusiveMaximum at its old value or higher."),
  MULTIPLE_OF_CHANGED("Use a multipleOf that divides the old one, or drop it."),
  REQUIRED_ATTRIBUTE_ADDED(
      "Keep the property optional, or give it a \"default\" so readers can fill it in."),
  REQUIRED_PROPERTY_ADDED(
      "Add the property as optional, or give it a \"default\" so readers can fill it in."),
  PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(
      "Declare the property with a schema that accepts any value ({}), or first close the old schema"
          + " with \"additionalProperties\": false in a new major version, or set this subject's"
          + " compatibility to FORWARD if producers never sent the property."),
  PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(
      "Declare the property with a schema at least as wide as the old additionalProperties/patternProperties."),
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(
      "Keep the property declared (mark it deprecated in its description), or open the model"
          + " (\"additionalProperties\": true)."),
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(
      "Keep the property declared, or widen additionalProperties so it still admits the old values."),
  ADDITIONAL_PROPERTIES_REMOVED(
      "Keep \"additionalProperties\" open, or declare every property producers may already send."),
  ADDITIONAL_PROPERTIES_NARROWED("Keep additionalProperties at least as wide as before."),
  MIN_PROPERTIES_INCREASED("Keep minProperties at its old value or lower."),
  MAX_PROPERTIES_DECREASED("Keep maxProperties at its old value or higher."),
  MIN_ITEMS_INCREASED("Keep minItems at its old value or lower."),
  MAX_ITEMS_DECREASED("Keep maxItems at its old value or higher."),
  UNIQUE_ITEMS_ADDED("Drop uniqueItems, or deduplicate downstream."),
  COMBINED_TYPE_NARROWED("Keep an alternative (anyOf/oneOf branch) that accepts the old values."),
  NOT_TYPE_CHANGED("Keep the 'not' constraint as it was.");

  private final String fix;

  Rule(String fix) {
    this.fix = fix;
  }

  String fix() {
    return fix;
  }
}
