package io.meshwork.catalog.product.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed from one version of a spec to the next, for people (the diff endpoint) and for the
 * version rule: removing or retyping a field, tightening a constraint or dropping an output port
 * breaks consumers, and needs a new major version.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SpecDiff(
    List<String> addedFields,
    List<String> removedFields,
    List<Retyped> retypedFields,
    List<ConstraintChange> constraints,
    List<ValueChange> serviceLevels,
    List<ValueChange> lineage,
    List<ValueChange> outputPorts,
    List<String> breaking) {

  public record Retyped(String field, String from, String to) {}

  public record ConstraintChange(
      String field, String constraint, Object from, Object to, boolean tightened) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ValueChange(String name, Object from, Object to) {}

  public boolean hasBreakingChanges() {
    return !breaking.isEmpty();
  }

  public static SpecDiff between(ProductSpec from, ProductSpec to) {
    Map<String, ProductSpec.Field> before = byName(from.schema());
    Map<String, ProductSpec.Field> after = byName(to.schema());
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<Retyped> retyped = new ArrayList<>();
    List<ConstraintChange> constraints = new ArrayList<>();
    List<String> breaking = new ArrayList<>();
    for (ProductSpec.Field field : before.values()) {
      ProductSpec.Field now = after.get(field.name());
      if (now == null) {
        removed.add(field.name());
        breaking.add("field " + field.name() + " was removed");
        continue;
      }
      String oldType = FieldTypes.canonical(field.type()).orElse(field.type());
      String newType = FieldTypes.canonical(now.type()).orElse(now.type());
      if (!oldType.equals(newType)) {
        retyped.add(new Retyped(field.name(), oldType, newType));
        breaking.add("field " + field.name() + " changed type from " + oldType + " to " + newType);
      }
      ConstraintDiff.compare(field.name(), field.constraints(), now.constraints(), constraints);
    }
    for (ProductSpec.Field field : after.values()) {
      if (!before.containsKey(field.name())) {
        added.add(field.name());
      }
    }
    constraints.stream()
        .filter(ConstraintChange::tightened)
        .forEach(
            c ->
                breaking.add(
                    "constraint "
                        + c.constraint()
                        + " of field "
                        + c.field()
                        + " was tightened ("
                        + c.from()
                        + " -> "
                        + c.to()
                        + ")"));
    List<ValueChange> ports = listChanges(from.outputPorts(), to.outputPorts(), "output port");
    ports.stream()
        .filter(change -> change.to() == null)
        .forEach(change -> breaking.add("output port " + change.from() + " was removed"));
    return new SpecDiff(
        added,
        removed,
        retyped,
        constraints,
        serviceLevels(from.service(), to.service()),
        lineage(from.lineage(), to.lineage()),
        ports,
        breaking);
  }

  private static Map<String, ProductSpec.Field> byName(List<ProductSpec.Field> fields) {
    Map<String, ProductSpec.Field> byName = new LinkedHashMap<>();
    fields.forEach(field -> byName.put(field.name(), field));
    return byName;
  }

  private static List<ValueChange> serviceLevels(ProductSpec.Service from, ProductSpec.Service to) {
    ProductSpec.Service a = from == null ? new ProductSpec.Service(null, null, null) : from;
    ProductSpec.Service b = to == null ? new ProductSpec.Service(null, null, null) : to;
    List<ValueChange> changes = new ArrayList<>();
    change(changes, "freshness", a.freshness(), b.freshness());
    change(changes, "availability", a.availability(), b.availability());
    change(changes, "latency", a.latency(), b.latency());
    return changes;
  }

  private static List<ValueChange> lineage(ProductSpec.Lineage from, ProductSpec.Lineage to) {
    List<ValueChange> changes =
        new ArrayList<>(listChanges(from.sources(), to.sources(), "source"));
    changes.addAll(listChanges(from.transformations(), to.transformations(), "transformation"));
    return changes;
  }

  /** One change per value added ({@code to}) or removed ({@code from}). */
  private static List<ValueChange> listChanges(List<String> from, List<String> to, String name) {
    List<ValueChange> changes = new ArrayList<>();
    from.stream()
        .filter(v -> !to.contains(v))
        .forEach(v -> changes.add(new ValueChange(name, v, null)));
    to.stream()
        .filter(v -> !from.contains(v))
        .forEach(v -> changes.add(new ValueChange(name, null, v)));
    return changes;
  }

  private static void change(List<ValueChange> changes, String name, Object from, Object to) {
    if (!Objects.equals(from, to)) {
      changes.add(new ValueChange(name, from, to));
    }
  }

  /** Compares two fields' constraints; a change that admits fewer values is a tightening. */
  static final class ConstraintDiff {

    private ConstraintDiff() {}

    static void compare(
        String field,
        ProductSpec.Constraints a,
        ProductSpec.Constraints b,
        List<ConstraintChange> changes) {
      boolean wasRequired = Boolean.TRUE.equals(a.required());
      boolean isRequired = Boolean.TRUE.equals(b.required());
      if (wasRequired != isRequired) {
        changes.add(new ConstraintChange(field, "required", wasRequired, isRequired, isRequired));
      }
      boolean wasUnique = Boolean.TRUE.equals(a.unique());
      boolean isUnique = Boolean.TRUE.equals(b.unique());
      if (wasUnique != isUnique) {
        changes.add(new ConstraintChange(field, "unique", wasUnique, isUnique, isUnique));
      }
      if (!Objects.equals(a.pattern(), b.pattern())) {
        changes.add(
            new ConstraintChange(field, "pattern", a.pattern(), b.pattern(), b.pattern() != null));
      }
      bound(field, "min", a.min(), b.min(), true, changes);
      bound(field, "max", a.max(), b.max(), false, changes);
      bound(field, "minLength", big(a.minLength()), big(b.minLength()), true, changes);
      bound(field, "maxLength", big(a.maxLength()), big(b.maxLength()), false, changes);
      if (!Objects.equals(a.allowedValues(), b.allowedValues())) {
        boolean narrowed =
            b.allowedValues() != null
                && (a.allowedValues() == null || !b.allowedValues().containsAll(a.allowedValues()));
        changes.add(
            new ConstraintChange(
                field, "allowedValues", a.allowedValues(), b.allowedValues(), narrowed));
      }
    }

    /** A lower bound raised or a new one, an upper bound lowered or a new one: tighter. */
    private static void bound(
        String field,
        String name,
        BigDecimal a,
        BigDecimal b,
        boolean lower,
        List<ConstraintChange> changes) {
      if (a == null && b == null || a != null && b != null && a.compareTo(b) == 0) {
        return;
      }
      boolean tightened =
          b != null && (a == null || (lower ? b.compareTo(a) > 0 : b.compareTo(a) < 0));
      changes.add(new ConstraintChange(field, name, plain(a), plain(b), tightened));
    }

    private static BigDecimal big(Integer value) {
      return value == null ? null : BigDecimal.valueOf(value);
    }

    private static String plain(BigDecimal value) {
      return value == null ? null : value.toPlainString();
    }
  }
}
