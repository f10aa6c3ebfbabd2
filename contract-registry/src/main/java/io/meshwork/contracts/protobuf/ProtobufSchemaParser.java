package io.meshwork.contracts.protobuf;

import io.meshwork.contracts.registry.ParsedSchema;
import io.meshwork.contracts.registry.SchemaParser;
import io.meshwork.contracts.registry.SchemaReference;
import io.meshwork.contracts.registry.SchemaType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The registry's parser of PROTOBUF schemas. */
@ApplicationScoped
public class ProtobufSchemaParser implements SchemaParser {

  @Override
  public SchemaType type() {
    return SchemaType.PROTOBUF;
  }

  @Override
  public ParsedSchema parse(
      String text, List<SchemaReference> references, List<ParsedSchema> referenced) {
    return ProtobufSchema.parse(text, references, referenced);
  }
}
