package io.meshwork.governance.rules;

import java.util.Set;
import java.util.TreeSet;

/** Evidence rules ask for: completeness of some fields, and whether the owner is a known person. */
public record Needs(Set<String> completenessOf, boolean owner) {

  public static final Needs NONE = new Needs(Set.of(), false);

  public Needs {
    completenessOf = Set.copyOf(completenessOf);
  }

  public Needs and(Needs other) {
    Set<String> fields = new TreeSet<>(completenessOf);
    fields.addAll(other.completenessOf);
    return new Needs(fields, owner || other.owner);
  }

  public boolean isEmpty() {
    return completenessOf.isEmpty() && !owner;
  }
}
