package io.meshwork.contracts.registry;

import java.util.List;

/** A schema the registry accepted: its type, canonical text (identity) and references. */
public interface ParsedSchema {

  SchemaType type();

  /** Formatting-independent text: two schemas with the same canonical text are the same schema. */
  String canonical();

  List<SchemaReference> references();

  /**
   * Confluent's {@code normalize=true}: the one form that schemas meaning the same share, so they
   * get one id. The canonical text already is that form for types without a normalisation.
   */
  default ParsedSchema normalized() {
    return this;
  }

  /**
   * What stops {@code this} (the reader) from reading data written with {@code writer}; empty when
   * it can.
   */
  List<CompatibilityIssue> readIssues(ParsedSchema writer);
}
