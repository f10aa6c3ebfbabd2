package io.meshwork.catalog.product.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshwork.catalog.CatalogFixtures;
import io.meshwork.web.problem.Problem.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static JsonNode yaml(String text) throws Exception {
    return YAML.readTree(text);
  }

  private static Map<String, String> violations(String text, String name) throws Exception {
    return SpecValidator.validate(yaml(text), name).stream()
        .collect(Collectors.toMap(Violation::field, Violation::message, (a, b) -> a + " | " + b));
  }

  @Test
  void theSeedsDocumentIsValidAsWritten() throws Exception {
    assertThat(SpecValidator.validate(yaml(CatalogFixtures.seedYaml()), "customer_360")).isEmpty();
    ProductSpec spec = new SpecDocuments(new ObjectMapper()).bind(yaml(CatalogFixtures.seedYaml()));
    assertThat(spec.product().version()).isEqualTo("1.2.0");
    assertThat(spec.schema())
        .extracting(ProductSpec.Field::name)
        .containsExactly("customer_id", "lifetime_value");
    assertThat(spec.schema().get(0).constraints().pattern()).isEqualTo("^CUST-\\d{8}$");
    assertThat(spec.schema().get(1).constraints().min()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(spec.service().availability()).isEqualTo("99.95%");
    assertThat(spec.lineage().sources())
        .containsExactly("crm_system/v2/customers", "billing/invoices", "web/analytics");
  }

  @Test
  void everyProblemIsNamedAtOnceByItsPathInTheDocument() throws Exception {
    Map<String, String> found =
        violations(
            """
            product:
              name: Customer 360
              domain: Marketing
              owner: not an owner
              version: v1.2
              colour: blue
            schema:
              - name: customer_id
                type: strin
                constraints:
                  pattern: "^CUST-(\\\\d{8}$"
              - name: lifetime_value
                type: decimal(12,2)
                constraints:
                  min: 10
                  max: 5
                  pattern: "^[0-9]+$"
              - name: customer_id
                type: string
                constraints:
                  minLength: 5
                  maxLength: 2
                  required: "yes"
            service:
              freshness: a day
              availability: 120%
              latency: PT1H
            lineage:
              sources: [crm, ""]
            outputPorts: [customer_segments]
            """,
            "customer_360");
    assertThat(found)
        .containsOnlyKeys(
            "product.name",
            "product.domain",
            "product.owner",
            "product.version",
            "product.colour",
            "schema[0].type",
            "schema[0].constraints.pattern",
            "schema[1].constraints.min",
            "schema[1].constraints.pattern",
            "schema[2].name",
            "schema[2].constraints.minLength",
            "schema[2].constraints.required",
            "service.freshness",
            "service.availability",
            "lineage.sources[1]",
            "outputPorts[0]");
    assertThat(found.get("product.version")).contains("semantic version");
    assertThat(found.get("product.owner")).contains("e-mail address or a team id");
    assertThat(found.get("schema[0].type")).contains("'strin' is not a type");
    assertThat(found.get("schema[0].constraints.pattern")).contains("is not a regular expression");
    assertThat(found.get("schema[1].constraints.min")).isEqualTo("is 10, above max 5");
    assertThat(found.get("schema[1].constraints.pattern"))
        .isEqualTo("applies to string fields only");
    assertThat(found.get("schema[2].name")).contains("already a field");
    assertThat(found.get("service.freshness")).contains("duration like 24h");
    assertThat(found.get("service.availability")).contains("percentage like 99.95%");
    assertThat(found.get("product.colour")).contains("not a known key");
  }

  @Test
  void regionsAndRetentionSayWhereTheProductIsServedAndHowLongItKeepsData() throws Exception {
    String product =
        "product:\n  name: orders\n  domain: sales\n  owner: a@b.io\n  version: 1.0.0\n%s"
            + "schema:\n  - name: id\n    type: string\n";
    assertThat(violations(product.formatted("  regions: [EU, UK]\n  retention: P1Y\n"), "orders"))
        .isEmpty();
    ProductSpec spec =
        new SpecDocuments(new ObjectMapper())
            .bind(
                yaml(product.formatted("  regions: [EU]\n  retention: 90d\n  maxAccess: P90D\n")));
    assertThat(spec.product().regions()).containsExactly("EU");
    assertThat(spec.product().retention()).isEqualTo("90d");
    assertThat(spec.product().maxAccess()).isEqualTo("P90D");

    assertThat(
            violations(
                product.formatted("  regions: [europe]\n  retention: forever\n  maxAccess: 1y\n"),
                "orders"))
        .containsEntry(
            "product.regions[0]", "must be a region code like EU, UK or US, got 'europe'")
        .containsEntry("product.retention", "must be a period like P1Y, P90D or 30d, got 'forever'")
        .containsEntry("product.maxAccess", "must be a period like P90D or 30d, got '1y'");
  }

  @Test
  void theNameMustBeThePathsAndThePartsMustBeThere() throws Exception {
    Map<String, String> found =
        violations("product:\n  name: orders\n  domain: sales\n  owner: a@b.io\n", "customers");
    assertThat(found)
        .containsEntry("product.name", "is 'orders' but the request is for 'customers'")
        .containsEntry("product.version", "is required")
        .containsEntry("schema", "is required: the product's fields");
    assertThat(SpecValidator.validate(yaml("- just\n- a list"), "x"))
        .extracting(Violation::field)
        .containsExactly("");
  }

  @Test
  void typesDurationsAndPercentagesTakeTheirCommonForms() {
    assertThat(FieldTypes.canonical("Decimal(12, 2)")).contains("decimal(12,2)");
    assertThat(FieldTypes.canonical("decimal(40,2)")).isEmpty();
    assertThat(FieldTypes.canonical("int")).contains("integer");
    assertThat(FieldTypes.canonical("timestamptz")).contains("timestamp");
    for (String ok : List.of("string", "bigint", "boolean", "date", "uuid", "json", "bytes")) {
      assertThat(FieldTypes.canonical(ok)).as(ok).isPresent();
    }
  }
}
