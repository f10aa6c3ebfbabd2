package io.meshwork.contracts.registry;

import java.util.List;

/** A schema the registry accepted: its type, canonical text (identity) and references. */
public interface ParsedSchema {

  SchemaType type();

  /** Formatting-independent text: two schemas with the same canonical text are the same schema. */
  String canonical();

  List<SchemaReference> references();

  /**
   * What stops {@code this} (the reader) from reading data written with {@code writer}; empty when
   * it can.
   */
  List<CompatibilityIssue> readIssues(ParsedSchema writer);
}
