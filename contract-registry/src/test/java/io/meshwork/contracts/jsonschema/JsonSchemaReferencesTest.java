package io.meshwork.contracts.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.contracts.registry.CompatibilityIssue;
import io.meshwork.contracts.registry.ParsedSchema;
import io.meshwork.contracts.registry.SchemaReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code $ref}s into schemas of other subjects (Confluent references) are followed, not skipped.
 */
class JsonSchemaReferencesTest {

  private static final String ADDRESS_V1 =
      """
      {"$defs":{"Address":{"type":"object","properties":{"street":{"type":"string"}},
       "required":["street"]}}}
      """;
  private static final String ADDRESS_V2 =
      """
      {"$defs":{"Address":{"type":"object","properties":{"street":{"type":"string"},
       "zip":{"type":"string"}},"required":["street","zip"]}}}
      """;
  private static final String CUSTOMER =
      """
      {"type":"object","properties":{"id":{"type":"string"},
       "address":{"$ref":"address.json#/$defs/Address"}},"required":["id"]}
      """;

  private static JsonSchema customer(String address, int version) {
    JsonSchema referenced = JsonSchema.parse(address, List.of(), List.of());
    return JsonSchema.parse(
        CUSTOMER,
        List.of(new SchemaReference("address.json", "address", version)),
        List.<ParsedSchema>of(referenced));
  }

  @Test
  void aRequiredFieldAddedInAReferencedSchemaBreaksBackwardCompatibility() {
    JsonSchema old = customer(ADDRESS_V1, 1);
    JsonSchema next = customer(ADDRESS_V2, 2);

    // BACKWARD: the new schema must read what the old one admitted; old addresses have no zip.
    List<CompatibilityIssue> issues = next.readIssues(old);

    assertThat(issues).isNotEmpty();
    assertThat(issues).anySatisfy(issue -> assertThat(issue.toString()).contains("zip"));
    // FORWARD the other way round is fine: the old schema reads addresses with a zip.
    assertThat(old.readIssues(next)).isEmpty();
  }

  @Test
  void theSameReferencedSchemaIsCompatibleWithItself() {
    assertThat(customer(ADDRESS_V1, 1).readIssues(customer(ADDRESS_V1, 1))).isEmpty();
  }

  @Test
  void withoutTheReferencedDocumentTheRefIsOpaque() {
    JsonSchema bare = JsonSchema.parse(CUSTOMER, List.of(), List.of());
    assertThat(bare.readIssues(bare)).isEmpty();
  }
}
