package io.meshwork.contracts.jsonschema;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Object schemas of one comparison: declared properties on either side, required ones, and what
 * each side's open, closed or partially open content model admits under undeclared names.
 */
final class ObjectInclusion {

  private final InclusionCheck check;

  ObjectInclusion(InclusionCheck check) {
    this.check = check;
  }

  void compare(SchemaView writer, SchemaView reader, String path, int depth) {
    Set<String> names = new LinkedHashSet<>(writer.properties().keySet());
    names.addAll(reader.properties().keySet());
    names.addAll(reader.required());
    for (String name : names) {
      property(writer, reader, name, path + "/properties/" + escape(name), depth);
    }
    // Properties neither schema declares.
    SchemaView writerRest = writer.additionalProperties();
    SchemaView readerRest = reader.additionalProperties();
    if (!writerRest.acceptsNothing()
        && !check.readIssuesOf(writerRest, readerRest, path, depth).isEmpty()) {
      check.add(
          readerRest.acceptsNothing()
              ? Rule.ADDITIONAL_PROPERTIES_REMOVED
              : Rule.ADDITIONAL_PROPERTIES_NARROWED,
          path + "/additionalProperties",
          "undeclared properties the old schema accepted are refused now",
          writerRest,
          readerRest);
    }
    check.tighterMinimum(writer, reader, "minProperties", Rule.MIN_PROPERTIES_INCREASED, path);
    check.tighterMaximum(writer, reader, "maxProperties", Rule.MAX_PROPERTIES_DECREASED, path);
  }

  /** One property name, declared by either side or only required by the reader. */
  private void property(SchemaView writer, SchemaView reader, String name, String at, int depth) {
    boolean inWriter = writer.properties().containsKey(name);
    boolean inReader = reader.properties().containsKey(name);
    if (reader.required().contains(name) && !writer.required().contains(name)) {
      if (reader.hasDefault(name)) {
        // Readers fill the default in: documents without the property still read.
      } else {
        check.add(
            inWriter ? Rule.REQUIRED_ATTRIBUTE_ADDED : Rule.REQUIRED_PROPERTY_ADDED,
            at,
            "'" + name + "' is now required; documents without it are refused",
            writer.child(writer.properties().get(name)),
            reader.child(reader.properties().get(name)));
      }
    }
    SchemaView written = writer.propertyOrUndeclared(name);
    if (written.acceptsNothing()) {
      return; // the writer never produces this property
    }
    SchemaView read = reader.propertyOrUndeclared(name);
    if (!inWriter && inReader) {
      if (!check.readIssuesOf(written, read, at, depth).isEmpty()) {
        added(writer, name, at, written, read);
      }
    } else if (inWriter && !inReader) {
      if (!check.readIssuesOf(written, read, at, depth).isEmpty()) {
        removed(reader, name, at, written, read);
      }
    } else {
      check.includes(written, read, at, depth + 1);
    }
  }

  /** Declared by the reader only: what the writer admits under that name may not fit it. */
  private void added(
      SchemaView writer, String name, String at, SchemaView written, SchemaView read) {
    boolean writerOpen =
        writer.additionalProperties().acceptsEverything() && !writer.hasPatternProperties();
    check.add(
        writerOpen
            ? Rule.PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL
            : Rule.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
        at,
        "the old schema "
            + (writerOpen
                ? "is open: it accepts any value"
                : "accepts values " + written.fragment())
            + " under '"
            + name
            + "' (e.g. "
            + counterExample(name, read)
            + "), which the new declaration "
            + read.fragment()
            + " refuses",
        written,
        read);
  }

  /** Declared by the writer only: the reader's rule for undeclared names may refuse it. */
  private void removed(
      SchemaView reader, String name, String at, SchemaView written, SchemaView read) {
    boolean readerClosed =
        reader.additionalProperties().acceptsNothing() && !reader.hasPatternProperties();
    check.add(
        readerClosed
            ? Rule.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL
            : Rule.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
        at,
        "'"
            + name
            + "' was removed, but the new schema "
            + (readerClosed
                ? "is closed (additionalProperties: false)"
                : "restricts undeclared properties")
            + ", so old documents carrying '"
            + name
            + "' are refused",
        written,
        read);
  }

  /** A document the old schema accepts and the new declaration refuses, to make the point. */
  private static String counterExample(String name, SchemaView declared) {
    Set<SchemaView.Type> types = declared.types();
    String value;
    if (!types.contains(SchemaView.Type.BOOLEAN)) {
      value = "true";
    } else if (!types.contains(SchemaView.Type.STRING)) {
      value = "\"text\"";
    } else if (!types.contains(SchemaView.Type.OBJECT)) {
      value = "{}";
    } else {
      value = "<a value outside the new declaration>";
    }
    return "{\"" + name + "\": " + value + "}";
  }

  /** JSON Pointer escaping of a property name (RFC 6901). */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
