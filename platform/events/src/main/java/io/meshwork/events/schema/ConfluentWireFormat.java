package io.meshwork.events.schema;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Confluent's framing of a Kafka record value: magic byte 0, the schema id as a 4-byte big-endian
 * integer, then the serialized payload. PROTOBUF records carry one more thing between the two: the
 * message indexes, the path to the record's message type in the schema's file.
 */
public final class ConfluentWireFormat {

  private static final byte MAGIC = 0;
  private static final int HEADER = 5;
  private static final int MAX_INDEXES = 1024;

  private ConfluentWireFormat() {}

  /**
   * A PROTOBUF record: {@code messageIndexes} [0] is the file's first message, [1, 0] the first
   * message nested in its second, and so on.
   */
  public record ProtobufRecord(int schemaId, List<Integer> messageIndexes, byte[] payload) {}

  public static int schemaId(byte[] value) {
    if (value == null || value.length < HEADER || value[0] != MAGIC) {
      throw new IllegalArgumentException(
          "Not a schema-registry framed value (magic byte 0 + 4-byte id)");
    }
    return ByteBuffer.wrap(value, 1, 4).getInt();
  }

  public static byte[] payload(byte[] value) {
    schemaId(value);
    byte[] payload = new byte[value.length - HEADER];
    System.arraycopy(value, HEADER, payload, 0, payload.length);
    return payload;
  }

  public static byte[] frame(int schemaId, byte[] payload) {
    return ByteBuffer.allocate(HEADER + payload.length)
        .put(MAGIC)
        .putInt(schemaId)
        .put(payload)
        .array();
  }

  /**
   * Frames a PROTOBUF payload as Confluent's serializers do: the indexes as a zig-zag varint count
   * and zig-zag varints, except that [0], the common case, is the single byte 0.
   */
  public static byte[] frameProtobuf(int schemaId, List<Integer> messageIndexes, byte[] payload) {
    ByteArrayOutputStream indexes = new ByteArrayOutputStream();
    if (messageIndexes.equals(List.of(0))) {
      indexes.write(0);
    } else {
      writeVarint(indexes, zigZag(messageIndexes.size()));
      messageIndexes.forEach(index -> writeVarint(indexes, zigZag(index)));
    }
    byte[] path = indexes.toByteArray();
    return ByteBuffer.allocate(HEADER + path.length + payload.length)
        .put(MAGIC)
        .putInt(schemaId)
        .put(path)
        .put(payload)
        .array();
  }

  /** Reads a record a Confluent PROTOBUF serializer wrote. */
  public static ProtobufRecord protobuf(byte[] value) {
    int schemaId = schemaId(value);
    ByteBuffer in = ByteBuffer.wrap(value, HEADER, value.length - HEADER);
    int count = unZigZag(readVarint(in));
    if (count < 0 || count > MAX_INDEXES) {
      throw new IllegalArgumentException("Not a PROTOBUF record: " + count + " message indexes");
    }
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      indexes.add(unZigZag(readVarint(in)));
    }
    byte[] payload = new byte[in.remaining()];
    in.get(payload);
    return new ProtobufRecord(schemaId, count == 0 ? List.of(0) : List.copyOf(indexes), payload);
  }

  private static int zigZag(int value) {
    return (value << 1) ^ (value >> 31);
  }

  private static int unZigZag(int value) {
    return (value >>> 1) ^ -(value & 1);
  }

  private static void writeVarint(ByteArrayOutputStream out, int value) {
    int rest = value;
    while ((rest & ~0x7F) != 0) {
      out.write((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.write(rest);
  }

  private static int readVarint(ByteBuffer in) {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (!in.hasRemaining()) {
        throw new IllegalArgumentException("Not a PROTOBUF record: the message indexes end early");
      }
      byte next = in.get();
      value |= (next & 0x7F) << shift;
      if ((next & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("Not a PROTOBUF record: a message index is too long");
  }
}
