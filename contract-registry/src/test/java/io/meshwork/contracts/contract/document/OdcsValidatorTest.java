package io.meshwork.contracts.contract.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshwork.web.problem.Problem.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ODCS documents against the published JSON Schema and the registry's own rules. */
class OdcsValidatorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final OdcsValidator VALIDATOR = new OdcsValidator(new OdcsSchema());

  private static final String VALID =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: marketing.orders
      name: Orders
      version: 1.0.0
      status: draft
      domain: marketing
      description: {purpose: Confirmed customer orders.}
      schema:
        - name: orders
          physicalName: orders
          physicalType: table
          logicalType: object
          quality:
            - {name: row_count, metric: rowCount, mustBeBetween: [1, 1000000]}
            - {name: unique_ids, metric: duplicateValues, arguments: {properties: [order_id]}, mustBe: 0}
          properties:
            - {name: order_id, logicalType: string, required: true, unique: true, primaryKey: true}
            - name: status
              logicalType: string
              logicalTypeOptions: {maxLength: 16, pattern: "^[A-Z]+$"}
              quality:
                - {name: status_valid, metric: invalidValues, arguments: {validValues: [PLACED, SHIPPED]}, mustBe: 0}
                - {name: no_delete, type: sql, query: "SELECT count(*) FROM {object}", mustBeGreaterThan: 0, severity: warning}
            - {name: amount, logicalType: number, logicalTypeOptions: {minimum: 0, maximum: 100}}
            - {name: updated_at, logicalType: timestamp, logicalTypeOptions: {format: "yyyy-MM-dd HH:mm:ss"}}
            - name: lines
              logicalType: array
              items:
                logicalType: object
                properties:
                  - {name: sku, logicalType: string}
      slaProperties:
        - {property: latency, value: 1, unit: d, element: orders.updated_at}
        - {property: availability, value: 99.9, unit: percent}
      team:
        name: orders-team
        members:
          - {username: mara, role: owner}
      servers:
        - {server: local, type: postgres, host: 127.0.0.1, port: 5432, database: warehouse, schema: marketing}
        - {server: events, type: kafka, host: "kafka:9092"}
      customProperties:
        - {property: SLA, value: 99.9% availability}
      """;

  private static List<Violation> validate(String yaml) throws Exception {
    return VALIDATOR.validate((ObjectNode) YAML.readTree(yaml));
  }

  private static List<String> fields(String yaml) throws Exception {
    return validate(yaml).stream().map(Violation::field).toList();
  }

  @Test
  void acceptsAValidContract() throws Exception {
    assertThat(validate(VALID)).isEmpty();
  }

  @Test
  void acceptsEverySeedContractTheRegistryConverts() throws Exception {
    ObjectNode seed =
        (ObjectNode)
            YAML.readTree(
                """
                {"schema": {
                   "order_id": {"type": "string", "required": true, "unique": true},
                   "amount": {"type": "number", "min": 0, "max": 10},
                   "code": {"type": "string", "minLength": 2, "maxLength": 3, "pattern": "^[A-Z]+$"},
                   "placed": {"type": "date"},
                   "currency": {"enum": ["USD", "EUR"]}},
                 "description": "Orders",
                 "metadata": {"owner": "finance-team@company.com", "SLA": "99.9% availability"}}
                """);
    ObjectNode odcs =
        SeedContracts.toOdcs(
            seed,
            new ContractIdentity("marketing.orders", "orders", "1.0.0", "marketing", "draft"));
    assertThat(VALIDATOR.validate(odcs)).isEmpty();
  }

  @Test
  void namesEveryViolationByDocumentPathOnce() throws Exception {
    String doc =
        """
        apiVersion: v3.1.0
        kind: DataContract
        version: one
        status: active
        domain: marketing
        schema:
          - name: orders
            properties:
              - name: status
                logicalType: text
                enum: [A, B]
                quality:
                  - {metric: nullValues, mustBe: 0, mustBeLessThan: 3}
        slaProperties:
          - {value: 3}
        """;
    assertThat(validate(doc))
        .containsExactly(
            new Violation("id", "is required"),
            new Violation(
                "schema[0].properties[0].enum",
                "ODCS v3.1 has no enum on properties: use a quality rule {metric: invalidValues,"
                    + " arguments: {validValues: [...]}, mustBe: 0}"),
            new Violation(
                "schema[0].properties[0].logicalType",
                "must be one of [string, date, timestamp, time, number, integer, object, array,"
                    + " boolean], was 'text'"),
            new Violation(
                "schema[0].properties[0].quality[0]",
                "needs exactly one operator of [mustBe, mustBeBetween, mustBeGreaterOrEqualTo,"
                    + " mustBeGreaterThan, mustBeLessOrEqualTo, mustBeLessThan, mustNotBe,"
                    + " mustNotBeBetween], found [mustBe, mustBeLessThan]"),
            new Violation("slaProperties[0].property", "is required"),
            new Violation("version", "must be a semantic version like 1.2.0"));
  }

  @Test
  void reportsWhatTheStandardRefusesAtTheFieldsThatCarryIt() throws Exception {
    String doc =
        VALID
            .replace("physicalType: table\n    logicalType: object", "logicalType: table")
            .replace("required: true, unique: true", "required: \"yes\", unique: true")
            .replace("{maxLength: 16,", "{maxLength: 16, minimum: 1,")
            .replace("host: \"kafka:9092\"", "format: json")
            .replace("customProperties:", "owner: mara\ncustomProperties:");
    assertThat(validate(doc))
        .containsExactly(
            new Violation("owner", "is not an ODCS v3.1 field here"),
            new Violation("schema[0].logicalType", "must be one of [object], was 'table'"),
            new Violation("schema[0].properties[0].required", "must be true or false"),
            new Violation(
                "schema[0].properties[1].logicalTypeOptions.minimum",
                "is not an option of logicalType string"),
            new Violation("servers[1].host", "is required"));
  }

  @Test
  void appliesTheRegistrysOwnRulesTheSchemaCannotSay() throws Exception {
    String doc =
        VALID
            .replace("apiVersion: v3.1.0", "apiVersion: v2.2.2")
            .replace("id: marketing.orders", "id: \"marketing orders\"")
            .replace("status: draft", "status: published")
            .replace("domain: marketing", "domain: Marketing")
            .replace("mustBeBetween: [1, 1000000]", "mustBeBetween: [1000000, 1]")
            .replace("pattern: \"^[A-Z]+$\"", "pattern: \"^[A-Z+$\"")
            .replace("{minimum: 0, maximum: 100}", "{minimum: 100, maximum: 0}")
            .replace("arguments: {properties: [order_id]}", "arguments: {properties: order_id}")
            .replace("- {name: sku,", "- {name: \" \",");
    assertThat(fields(doc))
        .containsExactly(
            "apiVersion",
            "domain",
            "id",
            "schema[0].properties[1].logicalTypeOptions.pattern",
            "schema[0].properties[2].logicalTypeOptions.minimum",
            "schema[0].properties[4].items.properties[0].name",
            "schema[0].quality[0].mustBeBetween",
            "schema[0].quality[1].arguments.properties",
            "status");
  }

  @Test
  void readsTheV30FormsTheRegistryStillAccepts() throws Exception {
    String doc =
        """
        apiVersion: v3.0.2
        kind: DataContract
        id: marketing.orders
        version: 1.0.0
        status: draft
        schema:
          - name: orders
            quality:
              - {rule: rowCount, mustBeGreaterThan: 0}
              - {rule: tooFewRows, mustBe: 0}
            properties:
              - {name: order_id, logicalType: string, quality: [{rule: nullCheck, mustBe: 0}]}
        team:
          - {username: mara, role: owner}
          - {role: steward}
        """;
    assertThat(validate(doc))
        .containsExactly(
            new Violation(
                "schema[0].quality[1].rule",
                "must be one of [nullValues, missingValues, invalidValues, duplicateValues,"
                    + " rowCount], was 'tooFewRows'"),
            new Violation("team[1].username", "is required"));
  }
}
