package io.meshwork.contracts.registry;

import java.util.Locale;

/** Schema formats the registry understands. A request without a type means AVRO (Confluent). */
public enum SchemaType {
  AVRO,
  JSON,
  PROTOBUF;

  public static SchemaType parse(String value) {
    if (value == null || value.isBlank()) {
      return AVRO;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RegistryException.invalidSchema("Invalid schema type " + value);
    }
  }
}
