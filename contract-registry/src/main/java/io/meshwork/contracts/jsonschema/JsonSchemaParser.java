package io.meshwork.contracts.jsonschema;

import io.meshwork.contracts.registry.ParsedSchema;
import io.meshwork.contracts.registry.SchemaParser;
import io.meshwork.contracts.registry.SchemaReference;
import io.meshwork.contracts.registry.SchemaType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The registry's parser of JSON schemas. */
@ApplicationScoped
public class JsonSchemaParser implements SchemaParser {

  @Override
  public SchemaType type() {
    return SchemaType.JSON;
  }

  @Override
  public ParsedSchema parse(
      String text, List<SchemaReference> references, List<ParsedSchema> referenced) {
    return JsonSchema.parse(text, references, referenced);
  }
}
