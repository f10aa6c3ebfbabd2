package io.meshwork.contracts.avro;

import io.meshwork.contracts.registry.CompatibilityIssue;
import io.meshwork.contracts.registry.ParsedSchema;
import io.meshwork.contracts.registry.RegistryException;
import io.meshwork.contracts.registry.SchemaReference;
import io.meshwork.contracts.registry.SchemaType;
import io.meshwork.web.problem.Incidents;
import io.meshwork.web.problem.ParserMessages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.jboss.logging.Logger;

/** An Avro schema, parsed and compared by Apache Avro itself. */
public final class AvroSchema implements ParsedSchema {

  private static final Logger LOG = Logger.getLogger(AvroSchema.class);

  private final Schema schema;
  private final String canonical;
  private final List<SchemaReference> references;
  private final Collection<Schema> namedTypes;

  private AvroSchema(
      Schema schema,
      List<SchemaReference> references,
      Collection<Schema> referencedTypes,
      Collection<Schema> namedTypes) {
    this.schema = schema;
    // As Confluent keeps it: types from references are named, not copied in, so a client that
    // resolves the references itself does not meet them twice.
    this.canonical = schema.toString(referencedTypes, false);
    this.references = List.copyOf(references);
    this.namedTypes = List.copyOf(namedTypes);
  }

  /**
   * Parses {@code text}; named types it uses from other subjects come first in {@code referenced}
   * (already accepted schemas, in reference order).
   */
  public static AvroSchema parse(
      String text, List<SchemaReference> references, List<ParsedSchema> referenced) {
    Schema.Parser parser = new Schema.Parser();
    try {
      Map<String, Schema> referencedTypes = new LinkedHashMap<>();
      for (ParsedSchema dependency : referenced) {
        if (!(dependency instanceof AvroSchema avro)) {
          throw RegistryException.invalidSchema(
              "Invalid schema: an AVRO schema can only reference AVRO schemas");
        }
        avro.namedTypes.forEach(type -> referencedTypes.putIfAbsent(type.getFullName(), type));
      }
      parser.addTypes(referencedTypes.values());
      Schema schema = parser.parse(text);
      return new AvroSchema(
          schema, references, referencedTypes.values(), parser.getTypes().values());
    } catch (AvroRuntimeException | IllegalArgumentException e) {
      throw RegistryException.invalidSchema("Invalid schema of type AVRO, details: " + reason(e));
    } catch (NullPointerException e) {
      // Avro's parser trips over some incomplete schemas; its message names its own classes.
      throw RegistryException.invalidSchema(
          Incidents.record(
              LOG, "Invalid schema of type AVRO, details: the schema is incomplete", e));
    }
  }

  /** The parser's reason in its own words, where the text is not JSON with Jackson's place. */
  private static String reason(RuntimeException e) {
    return ParserMessages.jsonCause(e)
        .map(ParserMessages::notJson)
        .orElseGet(() -> ParserMessages.clean(e.getMessage()));
  }

  public Schema schema() {
    return schema;
  }

  @Override
  public SchemaType type() {
    return SchemaType.AVRO;
  }

  @Override
  public String canonical() {
    return canonical;
  }

  @Override
  public List<SchemaReference> references() {
    return references;
  }

  @Override
  public List<CompatibilityIssue> readIssues(ParsedSchema writer) {
    if (!(writer instanceof AvroSchema other)) {
      return List.of(CompatibilityIssue.typeChanged("/", writer, this));
    }
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(schema, other.schema);
    List<CompatibilityIssue> issues = new ArrayList<>();
    for (SchemaCompatibility.Incompatibility incompatibility :
        result.getResult().getIncompatibilities()) {
      issues.add(
          new CompatibilityIssue(
              incompatibility.getType().name(),
              incompatibility.getLocation(),
              incompatibility.getMessage(),
              shorten(String.valueOf(incompatibility.getWriterFragment())),
              shorten(String.valueOf(incompatibility.getReaderFragment())),
              fix(incompatibility.getType())));
    }
    return issues;
  }

  private static String fix(SchemaCompatibility.SchemaIncompatibilityType type) {
    return switch (type) {
      case READER_FIELD_MISSING_DEFAULT_VALUE ->
          "Give the new field a \"default\" so data written without it can still be read.";
      case TYPE_MISMATCH ->
          "Keep the old type, use a promotable one (int->long->float->double, string<->bytes),"
              + " or add the new type as a union branch.";
      case NAME_MISMATCH -> "Keep the record/enum/fixed name, or add the old name to \"aliases\".";
      case MISSING_ENUM_SYMBOLS ->
          "Keep the removed symbols, or give the enum a \"default\" symbol for unknown values.";
      case MISSING_UNION_BRANCH -> "Keep every union branch the old schema had.";
      case FIXED_SIZE_MISMATCH -> "Keep the fixed size.";
      default -> "Revert this part of the change, or publish it under a new subject.";
    };
  }

  private static String shorten(String text) {
    return text.length() > 160 ? text.substring(0, 157) + "..." : text;
  }
}
