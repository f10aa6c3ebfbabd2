package io.meshwork.lineage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.lineage.intake.LineageEvent.ColumnLineage;
import io.meshwork.lineage.intake.LineageEvent.InputField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a dataset's {@code columnLineage} facet, in any of its versions (1-0-x with a
 * transformation per output field, 1-2-0 with transformations per input field and inputs of the
 * whole dataset), into one shape: each output field with its input fields and their
 * transformations.
 */
final class ColumnLineageFacet {

  private static final Set<String> TRANSFORMATION_TYPES = Set.of("DIRECT", "INDIRECT");

  private ColumnLineageFacet() {}

  /**
   * The facet's {@code fields}: each output field with the input fields it is made from. Its {@code
   * dataset} entries (facet 1-2-0: inputs that affect the whole dataset, such as filters, joins and
   * groupings, usually INDIRECT) count as inputs of every output field; an input that a field also
   * names by itself keeps both its transformations.
   */
  static List<ColumnLineage> read(EventReader in, JsonNode facet, String path) {
    if (facet.isMissingNode()) {
      return List.of();
    }
    JsonNode fields = in.object(facet.path("fields"), path + ".fields", true);
    List<InputField> wholeDataset = List.of();
    JsonNode datasetWide = facet.path("dataset");
    if (!datasetWide.isMissingNode() && !datasetWide.isNull()) {
      if (datasetWide.isArray()) {
        wholeDataset = inputFields(in, datasetWide, path + ".dataset", null);
      } else {
        in.problem(path + ".dataset", "must be an array");
      }
    }
    List<ColumnLineage> lineage = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String at = path + ".fields." + entry.getKey();
      JsonNode inputFields = in.object(entry.getValue(), at, true).path("inputFields");
      if (!inputFields.isArray()) {
        in.problem(at + ".inputFields", "is required and must be an array");
        continue;
      }
      List<InputField> inputs = inputFields(in, inputFields, at + ".inputFields", entry.getValue());
      lineage.add(new ColumnLineage(entry.getKey(), withWholeDataset(inputs, wholeDataset)));
    }
    return lineage;
  }

  /**
   * Input fields, each with its transformations as a JSON array: facet 1-2-0's own {@code
   * transformations}; else, from a 1-0-x facet, the output field's {@code transformationType} and
   * {@code transformationDescription} (in {@code legacy}) as one transformation with that subtype
   * and description; else none.
   */
  private static List<InputField> inputFields(
      EventReader in, JsonNode array, String path, JsonNode legacy) {
    List<InputField> inputs = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode input = in.object(array.get(i), at, true);
      String namespace = in.text(input.path("namespace"), at + ".namespace", true);
      String name = in.text(input.path("name"), at + ".name", true);
      String field = in.text(input.path("field"), at + ".field", true);
      JsonNode transformations = input.path("transformations");
      if (!transformations.isMissingNode() && !transformations.isNull()) {
        if (!transformations.isArray()) {
          in.problem(at + ".transformations", "must be an array");
        } else {
          for (int t = 0; t < transformations.size(); t++) {
            JsonNode kind = transformations.get(t).path("type");
            if (!kind.isTextual() || !TRANSFORMATION_TYPES.contains(kind.asText())) {
              in.problem(at + ".transformations[" + t + "].type", "must be DIRECT or INDIRECT");
            }
          }
        }
      }
      if (namespace != null && name != null && field != null) {
        inputs.add(
            new InputField(
                namespace,
                name,
                field,
                transformations.isArray() ? transformations : legacyTransformations(legacy)));
      }
    }
    return inputs;
  }

  private static ArrayNode legacyTransformations(JsonNode field) {
    ArrayNode transformations = JsonNodeFactory.instance.arrayNode();
    if (field == null) {
      return transformations;
    }
    JsonNode type = field.path("transformationType");
    JsonNode description = field.path("transformationDescription");
    if (type.isTextual() || description.isTextual()) {
      ObjectNode transformation = transformations.addObject();
      if (type.isTextual()) {
        transformation.put("subtype", type.asText());
      }
      if (description.isTextual()) {
        transformation.put("description", description.asText());
      }
    }
    return transformations;
  }

  private static List<InputField> withWholeDataset(
      List<InputField> inputs, List<InputField> wholeDataset) {
    if (wholeDataset.isEmpty()) {
      return inputs;
    }
    List<InputField> all = new ArrayList<>(inputs);
    for (InputField wide : wholeDataset) {
      int same = -1;
      for (int i = 0; i < all.size() && same < 0; i++) {
        InputField own = all.get(i);
        if (own.namespace().equals(wide.namespace())
            && own.name().equals(wide.name())
            && own.field().equals(wide.field())) {
          same = i;
        }
      }
      if (same < 0) {
        all.add(wide);
      } else {
        InputField own = all.get(same);
        ArrayNode both = JsonNodeFactory.instance.arrayNode();
        both.addAll((ArrayNode) own.transformations());
        both.addAll((ArrayNode) wide.transformations());
        all.set(same, new InputField(own.namespace(), own.name(), own.field(), both));
      }
    }
    return all;
  }
}
