package io.meshwork.contracts.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.contracts.registry.CompatibilityIssue;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a reader schema accepts every document a writer schema accepts, and explains
 * every way it does not.
 *
 * <p>This is the exact question behind the registry's levels: BACKWARD asks it with reader = new,
 * writer = old; FORWARD with reader = old, writer = new. It settles the open/closed content-model
 * cases by what documents each schema really admits: an open object ({@code additionalProperties}
 * absent or {@code true}) admits any value under an undeclared name, a closed one ({@code
 * additionalProperties: false}) admits none, and a partially open one admits what its {@code
 * additionalProperties}/{@code patternProperties} schema admits.
 */
public final class JsonSchemaCompatibility {

  private JsonSchemaCompatibility() {}

  /** Issues that stop {@code reader} from accepting everything {@code writer} accepts. */
  public static List<CompatibilityIssue> readIssues(JsonNode reader, JsonNode writer) {
    return readIssues(SchemaDocument.alone(reader), SchemaDocument.alone(writer));
  }

  /** The same, with {@code $ref}s into referenced documents followed. */
  public static List<CompatibilityIssue> readIssues(SchemaDocument reader, SchemaDocument writer) {
    List<CompatibilityIssue> issues = new ArrayList<>();
    new InclusionCheck(issues).includes(SchemaView.of(writer), SchemaView.of(reader), "#", 0);
    return issues;
  }
}
