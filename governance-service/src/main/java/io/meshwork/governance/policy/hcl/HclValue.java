package io.meshwork.governance.policy.hcl;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A literal value read from HCL, with where it was written. */
public sealed interface HclValue {

  Position at();

  /** What the value is, in the words a policy author knows ({@code a string}, {@code a list}). */
  String describe();

  record Text(String value, Position at) implements HclValue {
    @Override
    public String describe() {
      return "a string";
    }
  }

  record Number(BigDecimal value, Position at) implements HclValue {
    @Override
    public String describe() {
      return "a number";
    }
  }

  record Bool(boolean value, Position at) implements HclValue {
    @Override
    public String describe() {
      return "true or false";
    }
  }

  record Null(Position at) implements HclValue {
    @Override
    public String describe() {
      return "null";
    }
  }

  record Tuple(List<HclValue> items, Position at) implements HclValue {
    public Tuple {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** An object ({@code { key = value }}); keys keep the order written. */
  record ObjectValue(Map<String, Member> members, Position at) implements HclValue {
    public ObjectValue {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  /** One {@code key = value} of an object, with where its key was written. */
  record Member(String key, HclValue value, Position at) {}

  /** 1-based line and column in the document. */
  record Position(int line, int column) {
    @Override
    public String toString() {
      return "line " + line + ", column " + column;
    }
  }
}
