package io.meshwork.events.schema;

import java.nio.ByteBuffer;

/**
 * Confluent's framing of a Kafka record value: magic byte 0, the schema id as a 4-byte big-endian
 * integer, then the serialized payload.
 */
public final class ConfluentWireFormat {

  private static final byte MAGIC = 0;

  private ConfluentWireFormat() {}

  public static int schemaId(byte[] value) {
    if (value == null || value.length < 5 || value[0] != MAGIC) {
      throw new IllegalArgumentException(
          "Not a schema-registry framed value (magic byte 0 + 4-byte id)");
    }
    return ByteBuffer.wrap(value, 1, 4).getInt();
  }

  public static byte[] payload(byte[] value) {
    schemaId(value);
    byte[] payload = new byte[value.length - 5];
    System.arraycopy(value, 5, payload, 0, payload.length);
    return payload;
  }

  public static byte[] frame(int schemaId, byte[] payload) {
    return ByteBuffer.allocate(5 + payload.length).put(MAGIC).putInt(schemaId).put(payload).array();
  }
}
