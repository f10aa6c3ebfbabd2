package io.meshwork.contracts.contract.quality;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.web.problem.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Validates records while they are read from a request body ({@code [...]} or {@code {"records":
 * [...]}}): one record in memory at a time, checked while it is still in the CPU's cache, instead
 * of a whole parsed batch.
 */
public final class RecordStream {

  private RecordStream() {}

  public static QualityGate.Outcome validate(
      QualityGate gate, InputStream body, ObjectMapper mapper, int maxRecords, int maxErrors)
      throws IOException {
    try (JsonParser parser = mapper.createParser(body)) {
      parser.enable(JsonParser.Feature.USE_FAST_DOUBLE_PARSER);
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_OBJECT && !seekRecords(parser)) {
        throw noRecords();
      } else if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
        throw noRecords();
      }
      QualityGate.Collector collector = new QualityGate.Collector(maxErrors);
      StreamingCheck check = gate.streaming();
      int count = 0;
      int invalid = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() == null) {
          throw noRecords();
        }
        if (count == maxRecords) {
          throw InvalidRequestException.ofField(
              "contracts.quality.too-many-records",
              "records",
              "at most " + maxRecords + " records per call");
        }
        if (!check.check(parser, count, collector)) {
          invalid++;
        }
        count++;
      }
      return new QualityGate.Outcome(
          invalid == 0, count, invalid, collector.total(), collector.kept());
    }
  }

  /** Moves to the start of the "records" array of an object; false if there is none. */
  private static boolean seekRecords(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("records".equals(name) && value == JsonToken.START_ARRAY) {
        return true;
      }
      parser.skipChildren();
    }
    return false;
  }

  private static InvalidRequestException noRecords() {
    return InvalidRequestException.ofField(
        "contracts.quality.no-records",
        "records",
        "send a JSON array of records, or {\"records\": [...]}");
  }
}
