package io.meshwork.contracts.avro;

import io.meshwork.contracts.registry.ParsedSchema;
import io.meshwork.contracts.registry.SchemaParser;
import io.meshwork.contracts.registry.SchemaReference;
import io.meshwork.contracts.registry.SchemaType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The registry's parser of AVRO schemas. */
@ApplicationScoped
public class AvroSchemaParser implements SchemaParser {

  @Override
  public SchemaType type() {
    return SchemaType.AVRO;
  }

  @Override
  public ParsedSchema parse(
      String text, List<SchemaReference> references, List<ParsedSchema> referenced) {
    return AvroSchema.parse(text, references, referenced);
  }
}
