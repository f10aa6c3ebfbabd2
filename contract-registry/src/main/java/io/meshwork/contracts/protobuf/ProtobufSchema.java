package io.meshwork.contracts.protobuf;

import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import io.meshwork.contracts.registry.CompatibilityIssue;
import io.meshwork.contracts.registry.ParsedSchema;
import io.meshwork.contracts.registry.SchemaReference;
import io.meshwork.contracts.registry.SchemaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .proto} file, parsed and linked by Wire. Imports are the schema's references: each
 * reference's name is the import path it stands for, as Confluent's serializers register them.
 */
public final class ProtobufSchema implements ParsedSchema {

  private final ProtoFileElement element;
  private final Schema linked;
  private final String canonical;
  private final List<SchemaReference> references;
  private final List<ParsedSchema> referenced;
  private final Map<String, ProtoFileElement> files;

  private ProtobufSchema(
      ProtoFileElement element,
      Schema linked,
      List<SchemaReference> references,
      List<ParsedSchema> referenced,
      Map<String, ProtoFileElement> files) {
    this.element = element;
    this.linked = linked;
    this.canonical = ProtoFiles.print(element);
    this.references = List.copyOf(references);
    this.referenced = List.copyOf(referenced);
    this.files = Map.copyOf(files);
  }

  /** {@code referenced}: the accepted schemas of {@code references}, in the same order. */
  public static ProtobufSchema parse(
      String text, List<SchemaReference> references, List<ParsedSchema> referenced) {
    ProtoFileElement element = ProtoFiles.parse(text);
    Map<String, ProtoFileElement> files = new LinkedHashMap<>();
    for (int i = 0; i < references.size(); i++) {
      if (!(referenced.get(i) instanceof ProtobufSchema dependency)) {
        throw ProtoFiles.invalid("a PROTOBUF schema can only reference PROTOBUF schemas");
      }
      files.put(references.get(i).name(), dependency.element);
      dependency.files.forEach(files::putIfAbsent);
    }
    return new ProtobufSchema(
        element, ProtoFiles.link(element, files), references, referenced, files);
  }

  /** The file as registered, linked with its imports. */
  ProtoFile file() {
    return linked.protoFile(ProtoFiles.ROOT);
  }

  Schema linked() {
    return linked;
  }

  ProtoFileElement element() {
    return element;
  }

  @Override
  public SchemaType type() {
    return SchemaType.PROTOBUF;
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
  public ParsedSchema normalized() {
    return parse(ProtoNormalizer.normalize(this), references, referenced);
  }

  @Override
  public List<CompatibilityIssue> readIssues(ParsedSchema writer) {
    if (!(writer instanceof ProtobufSchema other)) {
      return List.of(CompatibilityIssue.typeChanged("/", writer, this));
    }
    return ProtobufCompatibility.issues(other, this);
  }
}
