package io.meshwork.events.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

  @Test
  void framesAndReadsTheSchemaIdBigEndian() {
    byte[] framed = ConfluentWireFormat.frame(0x01020304, new byte[] {9, 8});
    assertThat(framed).containsExactly(0, 1, 2, 3, 4, 9, 8);
    assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(0x01020304);
    assertThat(ConfluentWireFormat.payload(framed)).containsExactly(9, 8);
  }

  @Test
  void refusesValuesWithoutTheMagicByte() {
    assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {1, 0, 0, 0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("magic byte");
    assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void protobufRecordsOfTheFirstMessageCarryTheSingleZeroIndex() {
    byte[] payload = {0x0a, 0x03, 'o', '-', '1'};

    byte[] framed = ConfluentWireFormat.frameProtobuf(7, List.of(0), payload);

    // As Confluent's KafkaProtobufSerializer writes it: magic, id, [0] as one byte, the message.
    assertThat(framed).containsExactly(0, 0, 0, 0, 7, 0, 0x0a, 0x03, 'o', '-', '1');
    ConfluentWireFormat.ProtobufRecord record = ConfluentWireFormat.protobuf(framed);
    assertThat(record.schemaId()).isEqualTo(7);
    assertThat(record.messageIndexes()).containsExactly(0);
    assertThat(record.payload()).containsExactly(payload);
  }

  @Test
  void nestedMessageIndexesAreZigZagVarintsAfterTheirCount() {
    byte[] framed = ConfluentWireFormat.frameProtobuf(1, List.of(1, 0), new byte[] {8, 1});

    // [1, 0]: count 2 -> 4, 1 -> 2, 0 -> 0 (Confluent's wire-format documentation).
    assertThat(framed).containsExactly(0, 0, 0, 0, 1, 4, 2, 0, 8, 1);
    assertThat(ConfluentWireFormat.protobuf(framed).messageIndexes()).containsExactly(1, 0);
    byte[] deep = ConfluentWireFormat.frameProtobuf(1, List.of(200), new byte[0]);
    assertThat(ConfluentWireFormat.protobuf(deep).messageIndexes()).containsExactly(200);
  }

  @Test
  void truncatedOrAbsurdIndexesAreRefused() {
    assertThatThrownBy(() -> ConfluentWireFormat.protobuf(new byte[] {0, 0, 0, 0, 1, 4, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("end early");
    assertThatThrownBy(() -> ConfluentWireFormat.protobuf(new byte[] {0, 0, 0, 0, 1, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("message indexes");
  }
}
