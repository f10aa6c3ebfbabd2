package io.meshwork.governance.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code pii_classification}: the product is classified; fields whose names look personal ({@code
 * personal_fields}, parts of names such as {@code email}) are tagged {@code pii_tag}; and a product
 * holding such fields is classified as one of {@code classifications}.
 */
public final class PiiClassification implements RuleKind {

  public static final String NAME = "pii_classification";
  static final List<String> PERSONAL =
      List.of("email", "phone", "ssn", "birth", "address", "passport", "iban", "national_id");
  static final List<String> PROTECTED = List.of("confidential", "restricted");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Rule compile(RuleParams params) {
    String tag = params.has("pii_tag") ? params.text("pii_tag", true) : "pii";
    List<String> personal =
        params.has("personal_fields") ? params.texts("personal_fields", true) : PERSONAL;
    List<String> classifications =
        params.has("classifications") ? params.texts("classifications", true) : PROTECTED;
    params.refuseUnknown(NAME);
    return tag == null || personal == null || classifications == null
        ? null
        : new Compiled(tag, personal, classifications);
  }

  record Compiled(String tag, List<String> personal, List<String> classifications) implements Rule {

    @Override
    public String kind() {
      return NAME;
    }

    @Override
    public Check check(ProductDescriptor product, Evidence evidence) {
      List<String> untagged = new ArrayList<>();
      List<String> tagged = new ArrayList<>();
      for (ProductDescriptor.Field field : product.fields()) {
        if (field.tags().contains(tag)) {
          tagged.add(field.name());
        } else if (looksPersonal(field.name())) {
          untagged.add(field.name());
        }
      }
      String classification = product.classification();
      if (classification == null) {
        return Check.unmet(
            "the product has no product.classification",
            "Classify the product (product.classification: one of public, internal, confidential,"
                + " restricted).");
      }
      if (!untagged.isEmpty()) {
        return Check.unmet(
            "fields " + untagged + " look personal but are not tagged " + tag,
            "Tag "
                + String.join(", ", untagged)
                + " with '"
                + tag
                + "' (schema[].tags), or rename"
                + " them if they hold no personal data.");
      }
      boolean personalData = !tagged.isEmpty() || product.tags().contains(tag);
      if (personalData && !classifications.contains(classification)) {
        return Check.unmet(
            "holds personal data " + tagged + " but is classified " + classification,
            "Classify the product as one of " + classifications + ".");
      }
      return Check.met(
          "classified "
              + classification
              + (personalData
                  ? ", personal data " + tagged + " tagged " + tag
                  : ", no personal data"));
    }

    private boolean looksPersonal(String name) {
      String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
      return personal.stream().anyMatch(lower::contains);
    }
  }
}
