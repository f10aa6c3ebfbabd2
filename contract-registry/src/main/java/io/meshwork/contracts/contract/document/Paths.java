package io.meshwork.contracts.contract.document;

/** Document paths in violations: {@code schema[0].properties[2].logicalType}. */
final class Paths {

  private Paths() {}

  static String field(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
