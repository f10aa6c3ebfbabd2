package io.meshwork.provisioning.dataset;

/**
 * Names that end up in SQL identifiers, Kafka topics and object keys: lower-case ASCII letters,
 * digits and '_' only, starting with a letter, at most 63 characters (PostgreSQL's limit).
 */
public final class Identifiers {

  public static final String SAFE_IDENTIFIER = "^[a-z][a-z0-9_]{0,62}$";
  public static final String SAFE_IDENTIFIER_MESSAGE =
      "must start with a lower-case letter and contain only a-z, 0-9 and '_' (at most 63 characters)";

  private Identifiers() {}
}
