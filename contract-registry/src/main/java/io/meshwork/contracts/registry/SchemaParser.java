package io.meshwork.contracts.registry;

import java.util.List;

/**
 * Parses the schemas of one type. The registry finds its parsers as beans, so that it depends on
 * none of the packages that implement a type (they depend on it).
 */
public interface SchemaParser {

  SchemaType type();

  /** {@code referenced}: the accepted schemas {@code references} point at, in the same order. */
  ParsedSchema parse(String text, List<SchemaReference> references, List<ParsedSchema> referenced);
}
