package io.meshwork.contracts.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.contracts.registry.CompatibilityIssue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One comparison of a writer schema with a reader schema: walks both and records, by JSON Pointer,
 * every way the reader refuses a document the writer admits. Objects have their own class, as the
 * open/closed content-model cases are most of the work.
 */
final class InclusionCheck {

  private static final int MAX_DEPTH = 64;

  private final List<CompatibilityIssue> issues;
  private final ObjectInclusion objects = new ObjectInclusion(this);

  InclusionCheck(List<CompatibilityIssue> issues) {
    this.issues = issues;
  }

  /** Records why {@code reader} does not admit all that {@code writer} admits at {@code path}. */
  void includes(SchemaView writer, SchemaView reader, String path, int depth) {
    if (depth > MAX_DEPTH || reader.acceptsEverything() || writer.acceptsNothing()) {
      return;
    }
    if (reader.acceptsNothing()) {
      add(Rule.SCHEMA_NARROWED, path, "the new schema accepts no value here", writer, reader);
      return;
    }
    if (combinators(writer, reader, path, depth)) {
      return;
    }
    Set<SchemaView.Type> lost = new LinkedHashSet<>(writer.types());
    lost.removeAll(reader.types());
    if (!lost.isEmpty()) {
      add(
          Rule.TYPE_NARROWED,
          path,
          "values of type " + names(lost) + " are no longer accepted",
          writer,
          reader);
    }
    enums(writer, reader, path);
    Set<SchemaView.Type> shared = new LinkedHashSet<>(writer.types());
    shared.retainAll(reader.types());
    if (shared.contains(SchemaView.Type.STRING)) {
      strings(writer, reader, path);
    }
    if (shared.contains(SchemaView.Type.NUMBER) || shared.contains(SchemaView.Type.INTEGER)) {
      numbers(writer, reader, path);
    }
    if (shared.contains(SchemaView.Type.OBJECT)) {
      objects.compare(writer, reader, path, depth);
    }
    if (shared.contains(SchemaView.Type.ARRAY)) {
      arrays(writer, reader, path, depth);
    }
  }

  /** anyOf/oneOf/allOf on either side; returns true when it settled the comparison. */
  private boolean combinators(SchemaView writer, SchemaView reader, String path, int depth) {
    List<SchemaView> writerBranches = new ArrayList<>(writer.branches("anyOf"));
    writerBranches.addAll(writer.branches("oneOf"));
    if (!writerBranches.isEmpty()) {
      for (int i = 0; i < writerBranches.size(); i++) {
        includes(writerBranches.get(i), reader, path, depth + 1);
      }
      return true;
    }
    List<SchemaView> readerBranches = new ArrayList<>(reader.branches("anyOf"));
    readerBranches.addAll(reader.branches("oneOf"));
    if (!readerBranches.isEmpty()) {
      for (SchemaView branch : readerBranches) {
        if (readIssuesOf(writer, branch, path, depth).isEmpty()) {
          return true;
        }
      }
      add(
          Rule.COMBINED_TYPE_NARROWED,
          path,
          "no alternative of the new schema accepts everything the old schema accepts",
          writer,
          reader);
      return true;
    }
    List<SchemaView> readerAll = reader.branches("allOf");
    if (!readerAll.isEmpty()) {
      for (int i = 0; i < readerAll.size(); i++) {
        includes(writer, readerAll.get(i), path + "/allOf/" + i, depth + 1);
      }
      return true;
    }
    List<SchemaView> writerAll = writer.branches("allOf");
    if (!writerAll.isEmpty()) {
      // A writer made of several constraints is included if one of them alone is.
      for (SchemaView branch : writerAll) {
        if (readIssuesOf(branch, reader, path, depth).isEmpty()) {
          return true;
        }
      }
    }
    if (reader.node.has("not") && !Objects.equals(reader.node.get("not"), writer.node.get("not"))) {
      add(Rule.NOT_TYPE_CHANGED, path, "a 'not' constraint was added or changed", writer, reader);
    }
    return false;
  }

  List<CompatibilityIssue> readIssuesOf(
      SchemaView writer, SchemaView reader, String path, int depth) {
    List<CompatibilityIssue> found = new ArrayList<>();
    new InclusionCheck(found).includes(writer, reader, path, depth + 1);
    return found;
  }

  private void enums(SchemaView writer, SchemaView reader, String path) {
    Optional<List<JsonNode>> allowed = reader.enumValues();
    if (allowed.isEmpty()) {
      return;
    }
    Optional<List<JsonNode>> written = writer.enumValues();
    if (written.isEmpty()) {
      add(Rule.ENUM_ADDED, path, "values are now limited to " + allowed.get(), writer, reader);
      return;
    }
    List<JsonNode> dropped = new ArrayList<>(written.get());
    dropped.removeAll(allowed.get());
    if (!dropped.isEmpty()) {
      add(Rule.ENUM_NARROWED, path, "values " + dropped + " are no longer allowed", writer, reader);
    }
  }

  private void strings(SchemaView writer, SchemaView reader, String path) {
    tighterMinimum(writer, reader, "minLength", Rule.MIN_LENGTH_INCREASED, path);
    tighterMaximum(writer, reader, "maxLength", Rule.MAX_LENGTH_DECREASED, path);
    Optional<String> pattern = reader.text("pattern");
    if (pattern.isPresent() && !pattern.equals(writer.text("pattern"))) {
      add(
          writer.text("pattern").isPresent() ? Rule.PATTERN_CHANGED : Rule.PATTERN_ADDED,
          path,
          "strings must now match " + pattern.get(),
          writer,
          reader);
    }
    Optional<String> format = reader.text("format");
    if (format.isPresent() && !format.equals(writer.text("format"))) {
      add(Rule.FORMAT_ADDED, path, "strings must now have format " + format.get(), writer, reader);
    }
  }

  private void numbers(SchemaView writer, SchemaView reader, String path) {
    tighterMinimum(writer, reader, "minimum", Rule.MINIMUM_INCREASED, path);
    tighterMinimum(writer, reader, "exclusiveMinimum", Rule.EXCLUSIVE_MINIMUM_INCREASED, path);
    tighterMaximum(writer, reader, "maximum", Rule.MAXIMUM_DECREASED, path);
    tighterMaximum(writer, reader, "exclusiveMaximum", Rule.EXCLUSIVE_MAXIMUM_DECREASED, path);
    Optional<Double> multiple = reader.number("multipleOf");
    if (multiple.isPresent()) {
      Optional<Double> old = writer.number("multipleOf");
      boolean implied = old.isPresent() && isMultiple(old.get(), multiple.get());
      if (!implied) {
        add(
            Rule.MULTIPLE_OF_CHANGED,
            path,
            "numbers must now be multiples of " + multiple.get(),
            writer,
            reader);
      }
    }
    boolean writerAllowsFractions = writer.types().contains(SchemaView.Type.NUMBER);
    if (writerAllowsFractions && !reader.types().contains(SchemaView.Type.NUMBER)) {
      add(
          Rule.TYPE_NARROWED,
          path,
          "numbers with a fraction are no longer accepted (integer only)",
          writer,
          reader);
    }
  }

  private void arrays(SchemaView writer, SchemaView reader, String path, int depth) {
    Optional<SchemaView> readerItems = reader.items();
    if (readerItems.isPresent()) {
      SchemaView writerItems = writer.items().orElse(writer.child(null));
      includes(writerItems, readerItems.get(), path + "/items", depth + 1);
    }
    tighterMinimum(writer, reader, "minItems", Rule.MIN_ITEMS_INCREASED, path);
    tighterMaximum(writer, reader, "maxItems", Rule.MAX_ITEMS_DECREASED, path);
    if (reader.flag("uniqueItems") && !writer.flag("uniqueItems")) {
      add(Rule.UNIQUE_ITEMS_ADDED, path, "array items must now be unique", writer, reader);
    }
  }

  void tighterMinimum(
      SchemaView writer, SchemaView reader, String keyword, Rule rule, String path) {
    Optional<Double> now = reader.number(keyword);
    if (now.isEmpty()) {
      return;
    }
    Optional<Double> before = writer.number(keyword);
    if (before.isEmpty() || before.get() < now.get()) {
      add(
          rule,
          path,
          keyword
              + " is now "
              + plain(now.get())
              + " (was "
              + before.map(InclusionCheck::plain).orElse("none")
              + ")",
          writer,
          reader);
    }
  }

  void tighterMaximum(
      SchemaView writer, SchemaView reader, String keyword, Rule rule, String path) {
    Optional<Double> now = reader.number(keyword);
    if (now.isEmpty()) {
      return;
    }
    Optional<Double> before = writer.number(keyword);
    if (before.isEmpty() || before.get() > now.get()) {
      add(
          rule,
          path,
          keyword
              + " is now "
              + plain(now.get())
              + " (was "
              + before.map(InclusionCheck::plain).orElse("none")
              + ")",
          writer,
          reader);
    }
  }

  void add(Rule rule, String path, String description, SchemaView writer, SchemaView reader) {
    issues.add(
        new CompatibilityIssue(
            rule.name(), path, description, writer.fragment(), reader.fragment(), rule.fix()));
  }

  private static boolean isMultiple(double value, double of) {
    double ratio = value / of;
    return Math.abs(ratio - Math.rint(ratio)) < 1e-9;
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static String names(Set<SchemaView.Type> types) {
    return types.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList().toString();
  }
}
