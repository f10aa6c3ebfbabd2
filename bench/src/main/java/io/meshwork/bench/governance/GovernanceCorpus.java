package io.meshwork.bench.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.governance.rules.Evidence;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * 10,000 varied data product specs (the catalog's documents) and, per product, the evidence the
 * service would have gathered (completeness of two fields, the owner's directory answer), so the
 * benchmark measures rule evaluation and nothing else.
 */
final class GovernanceCorpus {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] DOMAINS = {"marketing", "sales", "finance", "logistics", "hr"};
  private static final String[] WORDS = {
    "customer", "order", "invoice", "segment", "churn", "campaign", "shipment", "payroll", "lead"
  };
  private static final String[] COLUMNS = {
    "customer_id",
    "order_id",
    "amount",
    "email",
    "phone_number",
    "segment",
    "created_at",
    "country",
    "birth_date",
    "status",
    "channel",
    "score"
  };
  private static final String[] CLASSES = {
    "public", "internal", "confidential", "restricted", null
  };
  private static final String[] REGIONS = {"EU", "UK", "US", "APAC"};

  record Product(JsonNode spec, Evidence evidence) {}

  private GovernanceCorpus() {}

  static List<Product> products(int count, long seed) {
    Random random = new Random(seed);
    return IntStream.range(0, count).mapToObj(i -> product(i, random)).toList();
  }

  private static Product product(int i, Random random) {
    ObjectNode spec = JSON.createObjectNode();
    ObjectNode product = spec.putObject("product");
    String domain = DOMAINS[random.nextInt(DOMAINS.length)];
    String name =
        (random.nextInt(20) == 0 ? "Bad-" : "")
            + WORDS[random.nextInt(WORDS.length)]
            + "_"
            + WORDS[random.nextInt(WORDS.length)]
            + "_"
            + i;
    product.put("name", name);
    product.put("domain", domain);
    product.put("owner", random.nextInt(10) == 0 ? "someone" : domain + "-team@company.com");
    product.put("version", (1 + random.nextInt(3)) + "." + random.nextInt(10) + ".0");
    if (random.nextInt(5) > 0) {
      product.put("description", "The " + name.replace('_', ' ') + " of " + domain);
    }
    ArrayNode tags = product.putArray("tags");
    if (random.nextBoolean()) {
      tags.add("pii");
    }
    tags.add(domain);
    String classification = CLASSES[random.nextInt(CLASSES.length)];
    if (classification != null) {
      product.put("classification", classification);
    }
    if (random.nextInt(3) > 0) {
      product.putArray("regions").add(REGIONS[random.nextInt(REGIONS.length)]);
      product.put("retention", random.nextBoolean() ? "P6M" : "P2Y");
    }
    ArrayNode schema = spec.putArray("schema");
    int columns = 3 + random.nextInt(8);
    for (int c = 0; c < columns; c++) {
      ObjectNode field = schema.addObject();
      String column = COLUMNS[(c + i) % COLUMNS.length];
      field.put("name", column);
      field.put("type", column.endsWith("_at") ? "timestamp" : "string");
      if (random.nextInt(4) > 0) {
        field.put("description", "The " + column.replace('_', ' '));
      }
      if ((column.contains("email") || column.contains("phone")) && random.nextBoolean()) {
        field.putArray("tags").add("pii");
      }
    }
    ObjectNode service = spec.putObject("service");
    service.put("freshness", random.nextBoolean() ? "24h" : "1h");
    if (random.nextInt(6) > 0) {
      service.put("availability", random.nextBoolean() ? "99.95%" : "99.5%");
    }
    service.put("latency", "1h");
    ObjectNode lineage = spec.putObject("lineage");
    lineage.putArray("sources").add("crm_system/v2/customers");
    lineage.putArray("transformations").add("dbt/models/marts/" + domain + "/");
    if (random.nextBoolean()) {
      spec.putArray("outputPorts").add(domain + "/" + name.toLowerCase(Locale.ROOT));
    }
    Map<String, Evidence.Completeness> completeness = new HashMap<>();
    completeness.put(
        "customer_id",
        new Evidence.Completeness(0.9 + random.nextDouble() * 0.1, 10_000, "counted in table"));
    if (random.nextBoolean()) {
      completeness.put(
          "order_id", new Evidence.Completeness(random.nextDouble(), 5_000, "quality run"));
    }
    boolean known = !product.path("owner").asText().equals("someone");
    return new Product(
        spec, new Evidence(completeness, new Evidence.OwnerLookup(true, known, "Keycloak group")));
  }
}
