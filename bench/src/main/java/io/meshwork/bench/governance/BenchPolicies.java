package io.meshwork.bench.governance;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.governance.rules.Evidence;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The benchmark's 20 rules twice: as an HCL policy document for the engine (eight kinds, six of
 * them CEL), and as hand-written Java predicates over the same documents, the fastest way to say
 * the same thing (the baseline). Both must agree on every rule of every product.
 */
final class BenchPolicies {

  static final String HCL =
      """
      policy "quality" {
        enforcement_level = "hard-mandate"
        rules = {
          "null_check" = { threshold = 0.95, fields = ["customer_id"] }
          "order_completeness" = { kind = "null_check", threshold = 0.5, fields = ["order_id"] }
        }
      }
      policy "metadata" {
        enforcement_level = "soft-mandate"
        rules = {
          "required_metadata" = { fields = ["product.description"] }
          "described_fields" = { kind = "required_metadata", fields = ["schema[*].description"] }
          "lineage_declared" = { kind = "required_metadata", fields = ["lineage.sources"] }
          "naming_pattern" = { pattern = "^[a-z][a-z0-9_]*$" }
          "column_names" = { kind = "naming_pattern", target = "schema.name", pattern = "^[a-z][a-z0-9_]*$" }
          "port_names" = { kind = "naming_pattern", target = "outputPorts", pattern = "^[a-z][a-z0-9_-]*/[a-z][a-z0-9_]*$" }
        }
      }
      policy "service" {
        enforcement_level = "soft-mandate"
        rules = {
          "sla_present" = {}
          "strict_sla" = { kind = "sla_present", min_availability = "99.9%", max_freshness = "24h" }
        }
      }
      policy "privacy" {
        enforcement_level = "soft-guidance"
        rules = {
          "gdpr_compliance" = { regions = ["EU", "UK"], retention_period = "P1Y" }
          "pii_classification" = {}
          "email_restricted" = { kind = "pii_classification", personal_fields = ["email"], classifications = ["restricted"] }
        }
      }
      policy "ownership" {
        enforcement_level = "hard-mandate"
        rules = { "owner_exists" = {} }
      }
      policy "custom" {
        enforcement_level = "soft-guidance"
        rules = {
          "company_owner" = { kind = "cel", expression = "product.owner.endsWith('@company.com')" }
          "has_tags" = { kind = "cel", expression = "size(product.tags) > 0" }
          "few_columns" = { kind = "cel", expression = "size(schema) <= 12" }
          "domain_tag" = { kind = "cel", expression = "product.domain in product.tags" }
          "freshness_bound" = { kind = "cel", expression = "service.freshness == '24h' || service.freshness == '1h'" }
          "sources_named" = { kind = "cel", expression = "lineage.sources.all(s, s.contains('/'))" }
        }
      }
      """;

  /** The rules in the order the engine reports them (policy by policy, as written). */
  static final List<String> RULES =
      List.of(
          "null_check",
          "order_completeness",
          "required_metadata",
          "described_fields",
          "lineage_declared",
          "naming_pattern",
          "column_names",
          "port_names",
          "sla_present",
          "strict_sla",
          "gdpr_compliance",
          "pii_classification",
          "email_restricted",
          "owner_exists",
          "company_owner",
          "has_tags",
          "few_columns",
          "domain_tag",
          "freshness_bound",
          "sources_named");

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]*$");
  private static final Pattern PORT = Pattern.compile("^[a-z][a-z0-9_-]*/[a-z][a-z0-9_]*$");
  private static final List<String> PERSONAL =
      List.of("email", "phone", "ssn", "birth", "address", "passport", "iban", "national_id");
  private static final Set<String> PROTECTED = Set.of("confidential", "restricted");

  private BenchPolicies() {}

  /** The baseline: each rule as a plain predicate, true when the product meets it. */
  static boolean[] baseline(JsonNode spec, Evidence evidence) {
    JsonNode product = spec.path("product");
    JsonNode schema = spec.path("schema");
    JsonNode service = spec.path("service");
    boolean[] met = new boolean[RULES.size()];
    met[0] = complete(schema, evidence, "customer_id", 0.95);
    met[1] = complete(schema, evidence, "order_id", 0.5);
    met[2] = !product.path("description").asText("").isBlank();
    boolean described = schema.size() > 0;
    boolean columnsNamed = true;
    for (JsonNode field : schema) {
      described &= !field.path("description").asText("").isBlank();
      columnsNamed &= NAME.matcher(field.path("name").asText()).matches();
    }
    met[3] = described;
    met[4] = spec.path("lineage").path("sources").size() > 0;
    met[5] = NAME.matcher(product.path("name").asText()).matches();
    met[6] = columnsNamed;
    boolean portsNamed = true;
    for (JsonNode port : spec.path("outputPorts")) {
      portsNamed &= PORT.matcher(port.asText()).matches();
    }
    met[7] = portsNamed;
    boolean allLevels =
        !service.path("freshness").asText("").isBlank()
            && !service.path("availability").asText("").isBlank()
            && !service.path("latency").asText("").isBlank();
    met[8] = allLevels;
    met[9] =
        allLevels
            && Double.parseDouble(service.path("availability").asText().replace("%", "")) >= 99.9
            && hours(service.path("freshness").asText()) <= 24;
    met[10] = gdpr(product);
    met[11] = pii(product, schema, "pii", PERSONAL, PROTECTED);
    met[12] = pii(product, schema, "pii", List.of("email"), Set.of("restricted"));
    met[13] = evidence.owner() != null && evidence.owner().found();
    String owner = product.path("owner").asText();
    met[14] = owner.endsWith("@company.com");
    met[15] = product.path("tags").size() > 0;
    met[16] = schema.size() <= 12;
    boolean domainTag = false;
    for (JsonNode tag : product.path("tags")) {
      domainTag |= tag.asText().equals(product.path("domain").asText());
    }
    met[17] = domainTag;
    String freshness = service.path("freshness").asText();
    met[18] = freshness.equals("24h") || freshness.equals("1h");
    boolean sourcesNamed = true;
    for (JsonNode source : spec.path("lineage").path("sources")) {
      sourcesNamed &= source.asText().contains("/");
    }
    met[19] = sourcesNamed;
    return met;
  }

  private static boolean complete(JsonNode schema, Evidence evidence, String field, double min) {
    for (JsonNode column : schema) {
      if (column.path("name").asText().equals(field)) {
        Evidence.Completeness measured = evidence.completeness().get(field);
        return measured != null && measured.nonNull() >= min;
      }
    }
    return true;
  }

  private static long hours(String duration) {
    return duration.endsWith("h")
        ? Long.parseLong(duration.substring(0, duration.length() - 1))
        : 0;
  }

  private static boolean gdpr(JsonNode product) {
    JsonNode regions = product.path("regions");
    if (regions.isEmpty()) {
      return false;
    }
    boolean covered = false;
    for (JsonNode region : regions) {
      covered |= region.asText().equals("EU") || region.asText().equals("UK");
    }
    if (!covered) {
      return true;
    }
    String retention = product.path("retention").asText("");
    return retention.equals("P6M");
  }

  private static boolean pii(
      JsonNode product, JsonNode schema, String tag, List<String> personal, Set<String> allowed) {
    String classification = product.path("classification").asText(null);
    if (classification == null) {
      return false;
    }
    boolean tagged = false;
    for (JsonNode field : schema) {
      boolean hasTag = false;
      for (JsonNode t : field.path("tags")) {
        hasTag |= t.asText().equals(tag);
      }
      if (hasTag) {
        tagged = true;
        continue;
      }
      String name = field.path("name").asText().toLowerCase(Locale.ROOT);
      for (String part : personal) {
        if (name.contains(part)) {
          return false;
        }
      }
    }
    boolean productTag = false;
    for (JsonNode t : product.path("tags")) {
      productTag |= t.asText().equals(tag);
    }
    return !(tagged || productTag) || allowed.contains(classification);
  }
}
