package io.meshwork.events.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
