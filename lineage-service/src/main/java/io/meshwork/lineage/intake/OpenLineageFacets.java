package io.meshwork.lineage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.lineage.intake.LineageEvent.Assertion;
import io.meshwork.lineage.intake.LineageEvent.Field;
import io.meshwork.lineage.intake.LineageEvent.Owner;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the facets of jobs and datasets the graph uses besides column lineage: {@code schema}
 * (fields), {@code ownership} (owners) and {@code dataQualityAssertions}. An absent facet reads as
 * nothing said; a facet that is there must hold what the spec requires.
 */
final class OpenLineageFacets {

  private OpenLineageFacets() {}

  /** The schema facet's fields, nested ones flattened to dotted names; null without the facet. */
  static List<Field> fields(EventReader in, JsonNode facet, String path) {
    if (facet.isMissingNode()) {
      return null;
    }
    List<Field> fields = new ArrayList<>();
    addFields(in, facet.path("fields"), path + ".fields", "", fields, true);
    return fields;
  }

  private static void addFields(
      EventReader in,
      JsonNode node,
      String path,
      String prefix,
      List<Field> into,
      boolean required) {
    if (node.isMissingNode() || node.isNull()) {
      if (required) {
        in.problem(path, "is required");
      }
      return;
    }
    if (!node.isArray()) {
      in.problem(path, "must be an array of fields");
      return;
    }
    for (int i = 0; i < node.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode field = in.object(node.get(i), at, true);
      String name = in.text(field.path("name"), at + ".name", true);
      if (name == null) {
        continue;
      }
      into.add(
          new Field(
              prefix + name,
              in.text(field.path("type"), at + ".type", false),
              in.text(field.path("description"), at + ".description", false)));
      addFields(in, field.path("fields"), at + ".fields", prefix + name + ".", into, false);
    }
  }

  static List<Owner> owners(EventReader in, JsonNode facet, String path) {
    if (facet.isMissingNode()) {
      return List.of();
    }
    JsonNode owners = facet.path("owners");
    if (!owners.isArray()) {
      in.problem(path + ".owners", "is required and must be an array");
      return List.of();
    }
    List<Owner> list = new ArrayList<>();
    for (int i = 0; i < owners.size(); i++) {
      String at = path + ".owners[" + i + "]";
      JsonNode owner = in.object(owners.get(i), at, true);
      String name = in.text(owner.path("name"), at + ".name", true);
      if (name != null) {
        list.add(new Owner(name, in.text(owner.path("type"), at + ".type", false)));
      }
    }
    return list;
  }

  static List<Assertion> assertions(EventReader in, JsonNode facet, String path) {
    if (facet.isMissingNode()) {
      return List.of();
    }
    JsonNode assertions = facet.path("assertions");
    if (!assertions.isArray()) {
      in.problem(path + ".assertions", "is required and must be an array");
      return List.of();
    }
    List<Assertion> list = new ArrayList<>();
    for (int i = 0; i < assertions.size(); i++) {
      String at = path + ".assertions[" + i + "]";
      JsonNode assertion = in.object(assertions.get(i), at, true);
      String name = in.text(assertion.path("assertion"), at + ".assertion", true);
      JsonNode success = assertion.path("success");
      if (!success.isBoolean()) {
        in.problem(at + ".success", "is required and must be true or false");
      }
      if (name != null && success.isBoolean()) {
        list.add(
            new Assertion(
                name,
                success.asBoolean(),
                in.text(assertion.path("column"), at + ".column", false)));
      }
    }
    return list;
  }
}
