package io.meshwork.contracts.protobuf;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.Comparator;
import java.util.List;

/**
 * Confluent's {@code normalize=true} for PROTOBUF: one text for schemas that mean the same on the
 * wire. Comments go, type names become fully qualified, imports and options are sorted, and fields
 * are ordered by number. Declaration order of messages stays, because message indexes in the wire
 * format count it.
 */
final class ProtoNormalizer {

  private final Schema linked;

  private ProtoNormalizer(Schema linked) {
    this.linked = linked;
  }

  static String normalize(ProtobufSchema schema) {
    ProtoFileElement file = schema.element();
    ProtoNormalizer normalizer = new ProtoNormalizer(schema.linked());
    String scope = file.getPackageName() == null ? "" : file.getPackageName() + ".";
    return ProtoFiles.print(
        file.copy(
            file.getLocation(),
            file.getPackageName(),
            file.getSyntax(),
            sorted(file.getImports()),
            sorted(file.getPublicImports()),
            sorted(file.getWeakImports()),
            normalizer.types(scope, file.getTypes()),
            file.getServices(),
            file.getExtendDeclarations(),
            options(file.getOptions())));
  }

  private List<TypeElement> types(String scope, List<TypeElement> types) {
    return types.stream().map(type -> type(scope, type)).toList();
  }

  private TypeElement type(String scope, TypeElement type) {
    if (type instanceof MessageElement message) {
      return message(scope + message.getName(), message);
    }
    if (type instanceof EnumElement enumeration) {
      return enumeration.copy(
          enumeration.getLocation(),
          enumeration.getName(),
          "",
          options(enumeration.getOptions()),
          enumeration.getConstants().stream().map(ProtoNormalizer::constant).toList(),
          enumeration.getReserveds());
    }
    return type;
  }

  private MessageElement message(String qualifiedName, MessageElement message) {
    MessageType linkedType = (MessageType) linked.getType(qualifiedName);
    // Wire prints a message's fields (and its oneofs, at their first field) in line order.
    List<Integer> tags =
        linkedType.getFieldsAndOneOfFields().stream().map(Field::getTag).sorted().toList();
    return message.copy(
        message.getLocation(),
        message.getName(),
        "",
        types(qualifiedName + ".", message.getNestedTypes()),
        options(message.getOptions()),
        message.getReserveds(),
        fields(linkedType, tags, message.getFields()),
        message.getOneOfs().stream()
            .map(
                oneOf ->
                    oneOf.copy(
                        oneOf.getName(),
                        "",
                        fields(linkedType, tags, oneOf.getFields()),
                        oneOf.getGroups(),
                        options(oneOf.getOptions()),
                        oneOf.getLocation()))
            .toList(),
        message.getExtensions(),
        message.getGroups(),
        message.getExtendDeclarations());
  }

  private List<FieldElement> fields(
      MessageType linkedType, List<Integer> tags, List<FieldElement> fields) {
    return fields.stream()
        .sorted(Comparator.comparingInt(FieldElement::getTag))
        .map(
            field ->
                field.copy(
                    field.getLocation().at(tags.indexOf(field.getTag()) + 1, 1),
                    field.getLabel(),
                    qualified(linkedType.field(field.getTag()).getType()),
                    field.getName(),
                    field.getDefaultValue(),
                    field.getJsonName(),
                    field.getTag(),
                    "",
                    options(field.getOptions())))
        .toList();
  }

  /** A type as the linker resolved it, with a leading dot, so no scope can change it. */
  private static String qualified(ProtoType type) {
    if (type.isMap()) {
      return "map<" + qualified(type.getKeyType()) + ", " + qualified(type.getValueType()) + ">";
    }
    return type.isScalar() ? type.toString() : "." + type;
  }

  private static EnumConstantElement constant(EnumConstantElement constant) {
    return constant.copy(
        constant.getLocation(),
        constant.getName(),
        constant.getTag(),
        "",
        options(constant.getOptions()));
  }

  private static List<OptionElement> options(List<OptionElement> options) {
    return options.stream().sorted(Comparator.comparing(OptionElement::getName)).toList();
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }
}
