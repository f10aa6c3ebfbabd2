package io.meshwork.contracts.contract.quality;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The quality gate applied to records as a parser reads them, without building trees. Problems of a
 * record are reported in the contract's field order, exactly as the tree path reports them. One
 * instance per stream (it keeps per-record scratch state).
 */
final class StreamingCheck {

  private final FieldRule[] rules;
  private final Map<String, Integer> indexByName = new HashMap<>();
  private final boolean[] seen;
  private final String[] problemRule;
  private final String[] problemMessage;
  private int hint;

  StreamingCheck(FieldRule[] rules) {
    this.rules = rules;
    for (int i = 0; i < rules.length; i++) {
      indexByName.put(rules[i].name, i);
    }
    seen = new boolean[rules.length];
    problemRule = new String[rules.length];
    problemMessage = new String[rules.length];
  }

  /** Checks the record the parser stands on (its first token); leaves the parser on its last. */
  boolean check(JsonParser parser, int index, ErrorSink sink) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      sink.add(index, "$", "type", "a record must be a JSON object");
      return false;
    }
    Arrays.fill(seen, false);
    boolean valid = true;
    ErrorSink buffer = this::buffer;
    hint = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      int rule = ruleIndex(parser.currentName());
      JsonToken value = parser.nextToken();
      if (rule < 0) {
        parser.skipChildren();
        continue;
      }
      seen[rule] = true;
      valid &= rules[rule].check(parser, value, index, buffer);
    }
    for (int i = 0; i < rules.length; i++) {
      if (!seen[i] && rules[i].required) {
        valid &= rules[i].absent(index, buffer);
      }
    }
    if (!valid) {
      for (int i = 0; i < rules.length; i++) {
        if (problemRule[i] != null) {
          sink.add(index, rules[i].name, problemRule[i], problemMessage[i]);
          problemRule[i] = null;
          problemMessage[i] = null;
        }
      }
    }
    return valid;
  }

  private void buffer(int record, String field, String rule, String message) {
    Integer index = indexByName.get(field);
    problemRule[index] = rule;
    problemMessage[index] = message;
  }

  /** Producers mostly send fields in the contract's order: try the next one first, by identity. */
  private int ruleIndex(String name) {
    if (hint < rules.length && rules[hint].name == name) {
      return hint++;
    }
    Integer index = indexByName.get(name);
    if (index == null) {
      return -1;
    }
    hint = index + 1;
    return index;
  }
}
