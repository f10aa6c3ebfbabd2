package io.meshwork.contracts.contract.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tree path, the parallel batch path and the streaming path must judge every record alike. */
class QualityGateTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CONTRACT_OBJECT =
      """
      {"name": "orders", "properties": [
        {"name": "id", "logicalType": "string", "required": true, "logicalTypeOptions": {"pattern": "^O-[0-9]{3}$"}},
        {"name": "status", "logicalType": "string", "required": true,
         "quality": [{"metric": "invalidValues", "arguments": {"validValues": ["A", "B"]}, "mustBe": 0}]},
        {"name": "qty", "logicalType": "integer", "logicalTypeOptions": {"minimum": 1, "maximum": 9}},
        {"name": "price", "logicalType": "number", "required": true, "logicalTypeOptions": {"exclusiveMinimum": 0}},
        {"name": "day", "logicalType": "date"},
        {"name": "at", "logicalType": "timestamp"},
        {"name": "gift", "logicalType": "boolean"},
        {"name": "tags", "logicalType": "array"},
        {"name": "note", "logicalType": "string", "logicalTypeOptions": {"maxLength": 5}}
      ]}
      """;

  private static final Object[][] VALUES = {
    {"O-123", "O-12", 7, null, "o-123"},
    {"A", "B", "C", 1, null},
    {1, 9, 0, 10, 2.5, "3", null},
    {0.5, 0, -1, "x", null, 3},
    {"2026-02-28", "2026-02-30", "28.02.2026", 5, null},
    {"2026-01-01T10:00:00Z", "2026-01-01T10:00:00.123+07:00", "2026-01-01", true, null},
    {true, false, "true", null},
    {new int[] {1}, "a", null},
    {"short", "toolong", 3, null}
  };

  @Test
  void treeBatchAndStreamingPathsAgreeOnRandomRecords() throws Exception {
    QualityGate gate = QualityGate.compile(JSON.readTree(CONTRACT_OBJECT));
    String[] names = {"id", "status", "qty", "price", "day", "at", "gift", "tags", "note"};
    Random random = new Random(7);
    ArrayNode records = JSON.createArrayNode();
    for (int i = 0; i < 6000; i++) {
      if (i % 97 == 0) {
        records.add("not a record");
        continue;
      }
      ObjectNode record = records.addObject();
      for (int f = 0; f < names.length; f++) {
        int pick = random.nextInt(VALUES[f].length + 1);
        if (pick == VALUES[f].length) {
          continue; // absent
        }
        record.set(names[f], JSON.valueToTree(VALUES[f][pick]));
      }
      if (random.nextInt(10) == 0) {
        record.put("unknown_field", "ignored");
      }
    }
    QualityGate.Outcome tree = gate.validate(records, 100_000);
    QualityGate.Outcome streamed =
        RecordStream.validate(
            gate,
            new ByteArrayInputStream(JSON.writeValueAsBytes(records)),
            JSON,
            100_000,
            100_000);
    assertThat(streamed).isEqualTo(tree);
    assertThat(tree.invalidRecords()).isBetween(1000, 5999);
    assertThat(tree.errors())
        .extracting(QualityGate.RecordError::rule)
        .contains("required", "type", "pattern", "enum", "minimum", "maximum", "maxLength");
  }

  @Test
  void keepsTheFirstErrorsButCountsAll() throws Exception {
    QualityGate gate = QualityGate.compile(JSON.readTree(CONTRACT_OBJECT));
    JsonNode records = JSON.readTree("[{}, {}, {}]");
    QualityGate.Outcome outcome = gate.validate(records, 2);
    assertThat(outcome.errorCount()).isEqualTo(9);
    assertThat(outcome.errors()).hasSize(2);
    assertThat(outcome.invalidRecords()).isEqualTo(3);
  }
}
