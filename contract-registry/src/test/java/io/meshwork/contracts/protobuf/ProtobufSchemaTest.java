package io.meshwork.contracts.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.contracts.avro.AvroSchemaParser;
import io.meshwork.contracts.registry.ParsedSchema;
import io.meshwork.contracts.registry.RegistryException;
import io.meshwork.contracts.registry.SchemaReference;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProtobufSchemaTest {

  private static final String ORDER =
      """
      syntax = "proto3";
      package shop;
      import "google/protobuf/timestamp.proto";
      import "customer.proto";

      // An order as the shop publishes it.
      message Order {
        string id = 1;
        google.protobuf.Timestamp placed_at = 2;
        crm.Customer customer = 3;
      }
      """;

  private static final String CUSTOMER =
      "syntax = \"proto3\";\npackage crm;\nmessage Customer { string name = 1; }\n";

  @Test
  void badTextIsRefusedWithConfluentsCodeLineAndColumn() {
    assertThatThrownBy(() -> parse("syntax = \"proto3\";\nmessage A {\n  string id = 1\n}\n"))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(42201);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Invalid schema of type PROTOBUF, details: line 4, column 2: expected ';'"
                          + " but was '}'");
            });
  }

  @Test
  void anUnknownTypeIsRefusedWhereItIsUsed() {
    assertThatThrownBy(
            () -> parse("syntax = \"proto3\";\npackage p;\nmessage A {\n  Missing m = 1;\n}\n"))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        "Invalid schema of type PROTOBUF, details: unable to resolve Missing;"
                            + " for field m (line 4, column 3); in message p.A (line 3, column"
                            + " 1)"));
  }

  @Test
  void importsResolveThroughReferencesAndWellKnownTypesNeedNone() {
    ProtobufSchema customer = parse(CUSTOMER);
    SchemaReference reference = new SchemaReference("customer.proto", "crm.Customer", 1);

    ProtobufSchema order = ProtobufSchema.parse(ORDER, List.of(reference), List.of(customer));

    assertThat(order.references()).containsExactly(reference);
    assertThat(order.file().getTypes()).hasSize(1);
  }

  @Test
  void anImportWithoutItsReferenceIsRefusedByName() {
    assertThatThrownBy(() -> parse(ORDER))
        .hasMessageContaining("import \"customer.proto\" is not among the schema's references");
  }

  @Test
  void theCanonicalTextIsStableAndFormattingFree() {
    String spaced = "syntax=\"proto3\";package p;message A{string id=1;int32 n=2;}";
    String tidy =
        "syntax = \"proto3\";\npackage p;\n\nmessage A {\n  string id = 1;\n  int32 n = 2;\n}\n";

    assertThat(parse(spaced).canonical()).isEqualTo(parse(tidy).canonical());
    assertThat(parse(parse(tidy).canonical()).canonical()).isEqualTo(parse(tidy).canonical());
    assertThat(parse(tidy).canonical()).doesNotContain("Wire");
  }

  @Test
  void normalisationGivesEquivalentSchemasOneText() {
    String declared =
        """
        syntax = "proto3";
        package p;
        option java_package = "p.j";
        option go_package = "p/g";
        // comments go
        message A {
          B b = 2;
          string id = 1 [deprecated = true, json_name = "ident"];
          message B { int32 v = 1; }
        }
        """;
    String reordered =
        """
        syntax = "proto3";
        package p;
        option go_package = "p/g";
        option java_package = "p.j";
        message A {
          string id = 1 [json_name = "ident", deprecated = true];
          .p.A.B b = 2;
          message B { int32 v = 1; }
        }
        """;

    ParsedSchema normalized = parse(declared).normalized();

    assertThat(normalized.canonical()).isEqualTo(parse(reordered).normalized().canonical());
    assertThat(normalized.canonical()).isNotEqualTo(parse(declared).canonical());
    assertThat(normalized.canonical()).doesNotContain("comments go").contains(".p.A.B b = 2;");
    assertThat(normalized.normalized().canonical()).isEqualTo(normalized.canonical());
  }

  @Test
  void aProtobufSchemaReferencesOnlyProtobufSchemas() {
    ParsedSchema other = new AvroSchemaParser().parse("\"string\"", List.of(), List.of());
    SchemaReference reference = new SchemaReference("customer.proto", "s", 1);

    assertThatThrownBy(() -> ProtobufSchema.parse(CUSTOMER, List.of(reference), List.of(other)))
        .hasMessageContaining("a PROTOBUF schema can only reference PROTOBUF schemas");
  }

  @Test
  void deepNestingIsRefusedBeforeTheParserRecurses() {
    String deep = "syntax = \"proto3\";\n" + "message A { ".repeat(5000) + "}".repeat(5000);
    String commentedQuote = "syntax = \"proto3\";\n// don't\n" + "message A { ".repeat(5000);

    assertThatThrownBy(() -> parse(deep))
        .hasMessage(
            "Invalid schema of type PROTOBUF, details: the file nests deeper than 64 levels");
    assertThatThrownBy(() -> parse(commentedQuote)).hasMessageContaining("deeper than 64 levels");
  }

  @Test
  void whatTheLinkerRefusesIsSaidInItsWords() {
    assertThatThrownBy(
            () -> parse("syntax = \"proto3\";\nmessage A {\n  map<bytes, int32> m = 1;\n}\n"))
        .hasMessage(
            "Invalid schema of type PROTOBUF, details: map key must be non-byte, non-floating"
                + " point scalar: bytes");
  }

  /** Mutations of a rich file: each one parses, or is refused as 42201 in public words. */
  @Test
  void mutatedFilesAreParsedOrRefusedCleanly() {
    String base =
        """
        syntax = "proto3";
        package shop.v1;
        import "google/protobuf/timestamp.proto";
        option java_package = "x";
        message Order {
          string id = 1 [deprecated = true];
          map<string, int32> m = 2;
          oneof p { string a = 3; int64 b = 4; }
          reserved 5, 6 to 9;
          enum S { A = 0; B = 1; }
          S s = 10;
          google.protobuf.Timestamp t = 11;
          repeated Order children = 12;
        }
        service Svc { rpc Get(Order) returns (Order); }
        """;
    String alphabet = "{}[]<>;=\"'.,:-+0123456789abcxyz \n\t\\/*optional repeated map to max";
    Random random = new Random(20261204);
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder(base);
      for (int edit = 0; edit <= random.nextInt(4); edit++) {
        int at = random.nextInt(text.length());
        if (random.nextBoolean()) {
          text.deleteCharAt(at);
        } else {
          text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      try {
        parse(text.toString());
      } catch (RegistryException e) {
        assertThat(e.errorCode()).as(text.toString()).isEqualTo(42201);
        assertThat(e.getMessage())
            .as(text.toString())
            .doesNotContain("Exception", "kotlin", "at com.");
      }
    }
  }

  private static ProtobufSchema parse(String text) {
    return ProtobufSchema.parse(text, List.of(), List.of());
  }
}
