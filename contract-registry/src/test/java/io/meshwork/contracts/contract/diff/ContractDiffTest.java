package io.meshwork.contracts.contract.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.web.values.SemanticVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractDiffTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode contract(String properties, String slas) {
    try {
      return JSON.readTree(
          "{\"schema\":[{\"name\":\"orders\",\"properties\":["
              + properties
              + "]}],\"slaProperties\":["
              + slas
              + "]}");
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static final String AMOUNT =
      "{\"name\":\"amount\",\"logicalType\":\"number\",\"logicalTypeOptions\":{\"minimum\":0,\"maximum\":1000}}";
  private static final String STATUS =
      "{\"name\":\"status\",\"logicalType\":\"string\",\"quality\":[{\"name\":\"valid\",\"metric\":\"invalidValues\","
          + "\"arguments\":{\"validValues\":[\"A\",\"B\",\"C\"]},\"mustBe\":0}]}";
  private static final String LATENCY = "{\"property\":\"latency\",\"value\":1,\"unit\":\"d\"}";
  private static final String AVAILABILITY =
      "{\"property\":\"availability\",\"value\":99.9,\"unit\":\"percent\"}";

  private static List<ContractChange> diff(JsonNode before, JsonNode after) {
    return ContractDiff.compare(before, after);
  }

  @Test
  void identicalContractsHaveNoChanges() {
    JsonNode contract = contract(AMOUNT + "," + STATUS, LATENCY);
    assertThat(diff(contract, contract)).isEmpty();
  }

  @Test
  void removedAndRetypedFieldsAreBreaking() {
    JsonNode before = contract(AMOUNT + "," + STATUS, "");
    JsonNode after = contract(AMOUNT.replace("\"number\"", "\"string\""), "");
    assertThat(diff(before, after))
        .extracting(ContractChange::severity, ContractChange::kind, ContractChange::path)
        .contains(
            tuple(Severity.BREAKING, "FIELD_REMOVED", "schema.orders.properties.status"),
            tuple(
                Severity.BREAKING, "FIELD_RETYPED", "schema.orders.properties.amount.logicalType"));
  }

  @Test
  void tightenedConstraintsAreBreakingLoosenedAreNot() {
    JsonNode before = contract(AMOUNT, "");
    JsonNode tighter =
        contract(AMOUNT.replace("\"minimum\":0", "\"minimum\":5").replace("1000", "500"), "");
    JsonNode looser = contract(AMOUNT.replace("1000", "5000"), "");
    assertThat(diff(before, tighter))
        .extracting(ContractChange::severity, ContractChange::path)
        .containsExactlyInAnyOrder(
            tuple(Severity.BREAKING, "schema.orders.properties.amount.logicalTypeOptions.minimum"),
            tuple(Severity.BREAKING, "schema.orders.properties.amount.logicalTypeOptions.maximum"));
    assertThat(diff(before, looser))
        .extracting(ContractChange::severity)
        .containsExactly(Severity.INFO);
  }

  @Test
  void narrowedAllowedValuesAreBreakingWidenedNeedReview() {
    JsonNode before = contract(STATUS, "");
    assertThat(diff(before, contract(STATUS.replace(",\"C\"", ""), "")))
        .extracting(ContractChange::severity, ContractChange::kind)
        .containsExactly(tuple(Severity.BREAKING, "ENUM_NARROWED"));
    assertThat(diff(before, contract(STATUS.replace("\"C\"", "\"C\",\"D\""), "")))
        .extracting(ContractChange::severity, ContractChange::kind)
        .containsExactly(tuple(Severity.WARNING, "ENUM_WIDENED"));
  }

  @Test
  void weakerSlasAreBreakingStrongerAreNot() {
    JsonNode before = contract(AMOUNT, LATENCY + "," + AVAILABILITY);
    JsonNode weaker =
        contract(
            AMOUNT,
            LATENCY.replace("\"value\":1,\"unit\":\"d\"", "\"value\":36,\"unit\":\"h\"")
                + ","
                + AVAILABILITY.replace("99.9", "99.5"));
    JsonNode stronger =
        contract(
            AMOUNT,
            LATENCY.replace("\"value\":1,\"unit\":\"d\"", "\"value\":12,\"unit\":\"h\"")
                + ","
                + AVAILABILITY.replace("99.9", "99.99"));
    assertThat(diff(before, weaker))
        .extracting(ContractChange::severity, ContractChange::kind, ContractChange::path)
        .containsExactlyInAnyOrder(
            tuple(Severity.BREAKING, "SLA_WEAKENED", "slaProperties.latency"),
            tuple(Severity.BREAKING, "SLA_WEAKENED", "slaProperties.availability"));
    assertThat(diff(before, stronger))
        .extracting(ContractChange::kind)
        .containsOnly("SLA_STRENGTHENED");
    assertThat(diff(before, contract(AMOUNT, LATENCY)))
        .extracting(ContractChange::kind)
        .containsExactly("SLA_REMOVED");
  }

  @Test
  void semanticVersionsOrderNumericallyWithPreReleasesFirst() {
    assertThat(SemanticVersion.parse("1.10.0")).isGreaterThan(SemanticVersion.parse("1.9.9"));
    assertThat(SemanticVersion.parse("2.0.0-rc.1")).isLessThan(SemanticVersion.parse("2.0.0"));
    assertThat(SemanticVersion.parse("1.0.0+build.5").compareTo(SemanticVersion.parse("1.0.0")))
        .isZero();
  }
}
