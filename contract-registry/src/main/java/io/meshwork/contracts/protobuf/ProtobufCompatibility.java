package io.meshwork.contracts.protobuf;

import com.squareup.wire.schema.EnumType;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.OneOf;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.Type;
import io.meshwork.contracts.registry.CompatibilityIssue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Confluent's PROTOBUF compatibility rules: which changes between the writer's (old) and the
 * reader's (new) file keep every record readable. Protobuf matches fields by number, so names may
 * change and fields may come and go; what breaks is a number that now means another wire type, a
 * removed message, a changed package, required fields that appear or go, and oneof changes that
 * would make two set fields exclusive.
 */
final class ProtobufCompatibility {

  private final Side writer;
  private final Side reader;
  private final List<CompatibilityIssue> issues = new ArrayList<>();
  private final Set<String> comparedImports = new HashSet<>();

  private ProtobufCompatibility(ProtobufSchema writer, ProtobufSchema reader) {
    this.writer = new Side(writer.linked(), writer.file());
    this.reader = new Side(reader.linked(), reader.file());
  }

  static List<CompatibilityIssue> issues(ProtobufSchema writer, ProtobufSchema reader) {
    ProtobufCompatibility check = new ProtobufCompatibility(writer, reader);
    String oldPackage = check.writer.file.getPackageName();
    String newPackage = check.reader.file.getPackageName();
    if (!Objects.equals(oldPackage, newPackage)) {
      check.add(
          "PACKAGE_CHANGED",
          "#/",
          "The package changed, so every message has a new full name",
          oldPackage,
          newPackage,
          "Keep the package; publish a renamed package under a new subject.");
    }
    check.types("#/", check.writer.file.getTypes(), check.reader.file.getTypes());
    return check.issues;
  }

  private void types(String path, List<Type> oldTypes, List<Type> newTypes) {
    Map<String, MessageType> now = messages(newTypes);
    for (MessageType old : messages(oldTypes).values()) {
      MessageType replacement = now.get(old.getName());
      if (replacement == null) {
        add(
            "MESSAGE_REMOVED",
            path + old.getName(),
            "Message " + old.getType() + " was removed or renamed",
            old.getType().toString(),
            null,
            "Keep the message (deprecate it instead), or publish the rename under a new subject.");
      } else {
        message(path + old.getName(), old, replacement);
      }
    }
  }

  private void message(String path, MessageType old, MessageType now) {
    Map<Integer, Field> oldFields = byTag(old.getFieldsAndOneOfFields());
    Map<Integer, Field> newFields = byTag(now.getFieldsAndOneOfFields());
    oldFields.forEach(
        (tag, field) -> {
          Field replacement = newFields.get(tag);
          if (replacement == null && field.isRequired()) {
            required("REQUIRED_FIELD_REMOVED", path, now, field, "was removed");
          } else if (replacement != null) {
            field(path, now, field, replacement);
          }
        });
    newFields.forEach(
        (tag, field) -> {
          if (!oldFields.containsKey(tag) && field.isRequired()) {
            required("REQUIRED_FIELD_ADDED", path, now, field, "was added");
          }
        });
    oneOfs(path, old, now);
    types(path + ".", old.getNestedTypes(), now.getNestedTypes());
  }

  /** {@code path}: the message's; the field's own is that plus its number. */
  private void field(String path, MessageType message, Field old, Field now) {
    if (old.isRequired() != now.isRequired()) {
      required(
          old.isRequired() ? "REQUIRED_FIELD_REMOVED" : "REQUIRED_FIELD_ADDED",
          path,
          message,
          now,
          old.isRequired() ? "is no longer required" : "became required");
    }
    String change = change(old.getType(), old.isRepeated(), now.getType(), now.isRepeated());
    if (change != null) {
      add(
          change,
          path + "/" + now.getTag(),
          describe(message, now) + " changed from " + shape(old) + " to " + shape(now),
          shape(old),
          shape(now),
          fix(change));
    }
  }

  /** The rule a field's type change breaks, or null when the wire reads both the same. */
  private String change(ProtoType old, boolean oldRepeated, ProtoType now, boolean newRepeated) {
    Kind oldKind = kind(writer, old);
    if (oldKind != kind(reader, now)) {
      return "FIELD_KIND_CHANGED";
    }
    return switch (oldKind) {
      case SCALAR -> {
        WireGroup group = WireGroup.of(old);
        if (group != WireGroup.of(now)) {
          yield "FIELD_SCALAR_KIND_CHANGED";
        }
        // A repeated number is packed; a single one is not. Strings and bytes read either way.
        yield oldRepeated != newRepeated && group != WireGroup.LENGTH_DELIMITED
            ? "FIELD_NUMERIC_LABEL_CHANGED"
            : null;
      }
      case MAP -> {
        String key = change(old.getKeyType(), false, now.getKeyType(), false);
        yield key != null ? key : change(old.getValueType(), false, now.getValueType(), false);
      }
      case MESSAGE -> namedType(old, now);
    };
  }

  /** Messages match by their name within the package; imported ones are compared inside too. */
  private String namedType(ProtoType old, ProtoType now) {
    if (!writer.localName(old).equals(reader.localName(now))) {
      return "FIELD_NAMED_TYPE_CHANGED";
    }
    boolean local = writer.declares(old) && reader.declares(now);
    if (local || !comparedImports.add(old + ">" + now)) {
      return null;
    }
    int before = issues.size();
    message(
        "#/" + writer.localName(old),
        (MessageType) writer.schema.getType(old),
        (MessageType) reader.schema.getType(now));
    return issues.size() > before ? "FIELD_NAMED_TYPE_CHANGED" : null;
  }

  private void oneOfs(String path, MessageType old, MessageType now) {
    Map<String, OneOf> oldOneOfs = byName(old.getOneOfs());
    Map<String, OneOf> newOneOfs = byName(now.getOneOfs());
    Set<Integer> oldPlain = byTag(old.getDeclaredFields()).keySet();
    for (OneOf oneOf : oldOneOfs.values()) {
      OneOf replacement = newOneOfs.get(oneOf.getName());
      Set<Integer> kept = replacement == null ? Set.of() : byTag(replacement.getFields()).keySet();
      for (Field field : oneOf.getFields()) {
        if (replacement != null && !kept.contains(field.getTag())) {
          add(
              "ONEOF_FIELD_REMOVED",
              path + "/" + field.getTag(),
              describe(now, field) + " left oneof " + oneOf.getName(),
              oneOf.getName(),
              null,
              "Keep the field in the oneof; old records may have set it as the oneof's value.");
        }
      }
    }
    for (OneOf oneOf : newOneOfs.values()) {
      List<Field> moved =
          oneOf.getFields().stream().filter(f -> oldPlain.contains(f.getTag())).toList();
      boolean existed = oldOneOfs.containsKey(oneOf.getName());
      if ((existed && !moved.isEmpty()) || (!existed && moved.size() > 1)) {
        add(
            existed ? "FIELD_MOVED_TO_EXISTING_ONEOF" : "MULTIPLE_FIELDS_MOVED_TO_ONEOF",
            path,
            "Fields "
                + moved.stream().map(Field::getName).collect(Collectors.joining(", "))
                + " of message "
                + now.getType()
                + " moved into oneof "
                + oneOf.getName(),
            null,
            oneOf.getName(),
            "Old records may set these fields together; a oneof keeps only one of them.");
      }
    }
  }

  private void required(String rule, String path, MessageType message, Field field, String what) {
    add(
        rule,
        path + "/" + field.getTag(),
        "Required " + describe(message, field) + " " + what,
        null,
        null,
        rule.equals("REQUIRED_FIELD_ADDED")
            ? "Make the field optional; old records do not carry it."
            : "Keep the field required, or publish the change under a new subject.");
  }

  private void add(
      String rule, String path, String description, String old, String now, String fix) {
    issues.add(new CompatibilityIssue(rule, path, description, old, now, fix));
  }

  private static String describe(MessageType message, Field field) {
    return "field '"
        + field.getName()
        + "' (number "
        + field.getTag()
        + ") of "
        + message.getType();
  }

  private static String shape(Field field) {
    return (field.isRepeated() ? "repeated " : "") + field.getType();
  }

  private static String fix(String rule) {
    return switch (rule) {
      case "FIELD_KIND_CHANGED", "FIELD_SCALAR_KIND_CHANGED" ->
          "Keep the type, or one of the same wire type (int32/int64/uint32/uint64/bool/enum,"
              + " sint32/sint64, fixed32/sfixed32, fixed64/sfixed64, string/bytes); use a new"
              + " field number for the new type.";
      case "FIELD_NUMERIC_LABEL_CHANGED" ->
          "Keep the field single or repeated as it was; add a new field number instead.";
      default -> "Keep the message type, or use a new field number for the new type.";
    };
  }

  private static Map<String, MessageType> messages(List<Type> types) {
    Map<String, MessageType> messages = new LinkedHashMap<>();
    for (Type type : types) {
      if (type instanceof MessageType message) {
        messages.put(message.getName(), message);
      }
    }
    return messages;
  }

  private static Map<Integer, Field> byTag(List<Field> fields) {
    Map<Integer, Field> byTag = new LinkedHashMap<>();
    fields.forEach(field -> byTag.put(field.getTag(), field));
    return byTag;
  }

  private static Map<String, OneOf> byName(List<OneOf> oneOfs) {
    Map<String, OneOf> byName = new LinkedHashMap<>();
    oneOfs.forEach(oneOf -> byName.put(oneOf.getName(), oneOf));
    return byName;
  }

  private static Kind kind(Side side, ProtoType type) {
    if (type.isMap()) {
      return Kind.MAP;
    }
    return type.isScalar() || side.schema.getType(type) instanceof EnumType
        ? Kind.SCALAR
        : Kind.MESSAGE;
  }

  private enum Kind {
    SCALAR,
    MAP,
    MESSAGE
  }

  /** Scalars that share an encoding; Protobuf's "updating a message type" guide groups them. */
  private enum WireGroup {
    VARINT,
    ZIGZAG,
    LENGTH_DELIMITED,
    FIXED32,
    FIXED64,
    FLOAT,
    DOUBLE;

    static WireGroup of(ProtoType type) {
      if (!type.isScalar()) {
        return VARINT; // an enum
      }
      return switch (type.toString()) {
        case "sint32", "sint64" -> ZIGZAG;
        case "string", "bytes" -> LENGTH_DELIMITED;
        case "fixed32", "sfixed32" -> FIXED32;
        case "fixed64", "sfixed64" -> FIXED64;
        case "float" -> FLOAT;
        case "double" -> DOUBLE;
        default -> VARINT;
      };
    }
  }

  /** One file of the comparison and the linked schema its types resolve in. */
  private record Side(Schema schema, ProtoFile file) {

    boolean declares(ProtoType type) {
      ProtoFile declaring = schema.protoFile(type);
      return declaring != null && declaring.getLocation().getPath().equals(ProtoFiles.ROOT);
    }

    /** The type's name inside its package: what a reader matches, whatever file declares it. */
    String localName(ProtoType type) {
      ProtoFile declaring = schema.protoFile(type);
      String pkg = declaring == null ? null : declaring.getPackageName();
      String name = type.toString();
      return pkg != null && name.startsWith(pkg + ".") ? name.substring(pkg.length() + 1) : name;
    }
  }
}
