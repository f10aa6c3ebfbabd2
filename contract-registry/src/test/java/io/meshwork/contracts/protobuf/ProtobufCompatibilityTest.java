package io.meshwork.contracts.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.meshwork.contracts.registry.CompatibilityIssue;
import io.meshwork.contracts.registry.SchemaReference;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per rule of Confluent's PROTOBUF compatibility: the writer (old) file, the reader (new)
 * file, and the rules the reader breaks (none: compatible).
 */
class ProtobufCompatibilityTest {

  private static final String OLD =
      """
      syntax = "proto3";
      package shop;
      message Order {
        string id = 1;
        int32 quantity = 2;
        repeated int64 lines = 3;
        Customer customer = 4;
        oneof payment {
          string card = 5;
          string iban = 6;
        }
        string note = 7;
        string channel = 8;
      }
      message Customer { string name = 1; }
      """;

  static Stream<Arguments> changes() {
    return Stream.of(
        change("a field added", "string note = 7;", "string note = 7; string coupon = 9;"),
        change("a field removed", "string note = 7;", ""),
        change("a field renamed, same number", "int32 quantity = 2;", "int32 qty = 2;"),
        change("int32 to int64 (one wire type)", "int32 quantity = 2;", "int64 quantity = 2;"),
        change("int32 to bool (varint)", "int32 quantity = 2;", "bool quantity = 2;"),
        change("string to bytes", "string note = 7;", "bytes note = 7;"),
        change("string to repeated string", "string note = 7;", "repeated string note = 7;"),
        change("a message added", "message Customer {", "message Coupon {} message Customer {"),
        change("messages reordered", "message Customer { string name = 1; }", "")
            .withPrefix("message Customer { string name = 1; }\n"),
        change(
            "a single field moved into a new oneof",
            "string note = 7;",
            "oneof n { string note = 7; }"),
        change(
            "a field added to a oneof", "string iban = 6;", "string iban = 6; string paypal = 10;"),
        change(
            "field number reused for another wire type",
            "int32 quantity = 2;",
            "string quantity = 2;",
            "FIELD_SCALAR_KIND_CHANGED"),
        change(
            "a removed number reused as a message",
            "string note = 7;",
            "Customer note = 7;",
            "FIELD_KIND_CHANGED"),
        change(
            "sint32 to int32 (zigzag vs varint)",
            "int32 quantity = 2;",
            "sint32 quantity = 2;",
            "FIELD_SCALAR_KIND_CHANGED"),
        change(
            "fixed32 to int32",
            "int32 quantity = 2;",
            "fixed32 quantity = 2;",
            "FIELD_SCALAR_KIND_CHANGED"),
        change(
            "repeated int64 to int64 (packed vs single)",
            "repeated int64 lines = 3;",
            "int64 lines = 3;",
            "FIELD_NUMERIC_LABEL_CHANGED"),
        change(
                "message type of a field changed",
                "Customer customer = 4;",
                "Buyer customer = 4;",
                "FIELD_NAMED_TYPE_CHANGED")
            .withSuffix("message Buyer { string name = 1; }\n"),
        change(
                "message renamed",
                "message Customer { string name = 1; }",
                "message Client { string name = 1; }",
                "FIELD_NAMED_TYPE_CHANGED",
                "MESSAGE_REMOVED")
            .replacing("Customer customer = 4;", "Client customer = 4;"),
        change("package renamed", "package shop;", "package store;", "PACKAGE_CHANGED"),
        change(
            "a field left its oneof",
            "string card = 5;\n    string iban = 6;\n  }",
            "string card = 5;\n  }\n  string iban = 6;",
            "ONEOF_FIELD_REMOVED"),
        change(
            "a field moved into an existing oneof",
            "string iban = 6;\n  }\n  string note = 7;",
            "string iban = 6;\n    string note = 7;\n  }",
            "FIELD_MOVED_TO_EXISTING_ONEOF"),
        change(
            "two fields moved into a new oneof",
            "string note = 7;\n  string channel = 8;",
            "oneof extra { string note = 7; string channel = 8; }",
            "MULTIPLE_FIELDS_MOVED_TO_ONEOF"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void eachChangeIsJudgedByConfluentsRule(String name, String newText, List<String> rules) {
    List<CompatibilityIssue> issues = parse(newText).readIssues(parse(OLD));

    assertThat(issues)
        .extracting(CompatibilityIssue::rule)
        .containsExactlyInAnyOrderElementsOf(rules);
  }

  @Test
  void aRefusalNamesTheMessageTheFieldAndTheRule() {
    String reader = OLD.replace("int32 quantity = 2;", "string quantity = 2;");

    CompatibilityIssue issue = parse(reader).readIssues(parse(OLD)).get(0);

    assertThat(issue.path()).isEqualTo("#/Order/2");
    assertThat(issue.description())
        .isEqualTo("field 'quantity' (number 2) of shop.Order changed from int32 to string");
    assertThat(issue.render()).contains("FIELD_SCALAR_KIND_CHANGED", "fix:'Keep the type");
  }

  @Test
  void requiredFieldsMayNeitherAppearNorGo() {
    String old = "syntax = \"proto2\";\npackage p;\nmessage M { required string a = 1; }\n";
    String removed = "syntax = \"proto2\";\npackage p;\nmessage M { optional string b = 2; }\n";
    String added =
        "syntax = \"proto2\";\npackage p;\nmessage M { required string a = 1; required int32 c = 3; }\n";
    String relaxed = "syntax = \"proto2\";\npackage p;\nmessage M { optional string a = 1; }\n";

    assertThat(parse(removed).readIssues(parse(old)))
        .extracting(CompatibilityIssue::rule)
        .containsExactly("REQUIRED_FIELD_REMOVED");
    assertThat(parse(added).readIssues(parse(old)))
        .extracting(CompatibilityIssue::rule)
        .containsExactly("REQUIRED_FIELD_ADDED");
    assertThat(parse(relaxed).readIssues(parse(old)))
        .extracting(CompatibilityIssue::rule)
        .containsExactly("REQUIRED_FIELD_REMOVED");
  }

  @Test
  void nestedMessagesAndMapsAreComparedToo() {
    String old =
        "syntax = \"proto3\";\npackage p;\n"
            + "message M { message Inner { int32 v = 1; } map<string, int32> tally = 1; Inner i = 2; }\n";
    String changedInner = old.replace("int32 v = 1;", "string v = 1;");
    String changedMap = old.replace("map<string, int32>", "map<string, string>");
    String widenedMap = old.replace("map<string, int32>", "map<string, int64>");

    assertThat(parse(changedInner).readIssues(parse(old)))
        .extracting(CompatibilityIssue::path)
        .containsExactly("#/M.Inner/1");
    assertThat(parse(changedMap).readIssues(parse(old)))
        .extracting(CompatibilityIssue::rule)
        .containsExactly("FIELD_SCALAR_KIND_CHANGED");
    assertThat(parse(widenedMap).readIssues(parse(old))).isEmpty();
  }

  @Test
  void enumsAreVarintsAndTheirConstantsMayChange() {
    String old =
        "syntax = \"proto3\";\npackage p;\nenum S { A = 0; B = 1; }\nmessage M { S s = 1; }\n";
    String asInt = "syntax = \"proto3\";\npackage p;\nmessage M { int32 s = 1; }\n";
    String moreConstants = old.replace("B = 1;", "B = 1; C = 2;");

    assertThat(parse(asInt).readIssues(parse(old))).isEmpty();
    assertThat(parse(moreConstants).readIssues(parse(old))).isEmpty();
  }

  @Test
  void anImportedMessageIsComparedThroughTheFieldThatUsesIt() {
    String order =
        "syntax = \"proto3\";\npackage shop;\nimport \"crm.proto\";\n"
            + "message Order { crm.Customer customer = 1; }\n";
    String customer = "syntax = \"proto3\";\npackage crm;\nmessage Customer { int64 id = 1; }\n";
    ProtobufSchema old = withImport(order, customer);
    ProtobufSchema same = withImport(order, customer.replace("int64 id", "int32 id"));
    ProtobufSchema changed = withImport(order, customer.replace("int64 id", "string id"));

    assertThat(same.readIssues(old)).isEmpty();
    assertThat(changed.readIssues(old))
        .extracting(CompatibilityIssue::rule, CompatibilityIssue::path)
        .containsExactlyInAnyOrder(
            tuple("FIELD_SCALAR_KIND_CHANGED", "#/Customer/1"),
            tuple("FIELD_NAMED_TYPE_CHANGED", "#/Order/1"));
  }

  private static ProtobufSchema withImport(String text, String imported) {
    return ProtobufSchema.parse(
        text, List.of(new SchemaReference("crm.proto", "crm-value", 1)), List.of(parse(imported)));
  }

  private static ProtobufSchema parse(String text) {
    return ProtobufSchema.parse(text, List.of(), List.of());
  }

  private static Case change(String name, String from, String to, String... rules) {
    return new Case(name, OLD, List.of(rules)).replacing(from, to);
  }

  /** A case under construction: a name, the new file and the rules it breaks. */
  private record Case(String name, String text, List<String> rules) implements Arguments {

    Case withPrefix(String declarations) {
      int at = text.indexOf("message Order");
      return new Case(name, text.substring(0, at) + declarations + text.substring(at), rules);
    }

    Case withSuffix(String declarations) {
      return new Case(name, text + declarations, rules);
    }

    Case replacing(String from, String to) {
      if (!text.contains(from)) {
        throw new IllegalArgumentException(name + ": the file has no " + from);
      }
      return new Case(name, text.replace(from, to), rules);
    }

    @Override
    public Object[] get() {
      return new Object[] {name, text, rules};
    }
  }
}
