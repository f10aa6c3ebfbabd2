package io.meshwork.governance.access;

import io.meshwork.governance.rules.ProductDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Governance's compliance check of an access request, pure: personal data (fields tagged {@code
 * pii}, or named like it) needs the governance board; a {@code public} product without it is
 * approved at once; anything else passes to the producer's approval. A product governance does not
 * know, or that is not published, fails.
 */
public final class AccessCheck {

  public static final String PASSED = "PASSED";
  public static final String AUTO_APPROVED = "AUTO_APPROVED";
  public static final String BOARD_REQUIRED = "BOARD_REQUIRED";
  public static final String FAILED = "FAILED";

  static final List<String> PERSONAL =
      List.of("email", "phone", "ssn", "birth", "address", "passport", "iban", "national_id");

  /** The decision and its reasons, one line each. */
  public record Result(String decision, List<String> reasons) {}

  private AccessCheck() {}

  public static Result check(ProductDescriptor product, String status, List<String> asked) {
    if (product == null) {
      return new Result(FAILED, List.of("governance does not know the product"));
    }
    if (!"PUBLISHED".equals(status)) {
      return new Result(
          FAILED,
          List.of("the product is " + status + ": access is granted to published products"));
    }
    List<String> personal = new ArrayList<>();
    for (ProductDescriptor.Field field : product.fields()) {
      boolean wanted = asked == null || asked.isEmpty() || asked.contains(field.name());
      if (wanted && (field.tags().contains("pii") || looksPersonal(field.name()))) {
        personal.add(field.name());
      }
    }
    String classification = product.classification();
    if (!personal.isEmpty()) {
      return new Result(
          BOARD_REQUIRED,
          List.of(
              "personal data asked for: "
                  + personal
                  + "; the governance board decides (classification "
                  + (classification == null ? "none" : classification)
                  + ")"));
    }
    if ("public".equals(classification)) {
      return new Result(
          AUTO_APPROVED, List.of("a public product and no personal data: approved at once"));
    }
    return new Result(
        PASSED,
        List.of(
            "no personal data asked for (classification "
                + (classification == null ? "none" : classification)
                + "): the producer decides"));
  }

  private static boolean looksPersonal(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return PERSONAL.stream().anyMatch(lower::contains);
  }
}
