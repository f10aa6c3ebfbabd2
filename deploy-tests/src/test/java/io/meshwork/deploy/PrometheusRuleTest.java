package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart's PrometheusRule: deploy/prometheus/alert_rules.yml's groups as written there (the
 * seed's alerts), then the service-health group with the thresholds of the values.
 */
class PrometheusRuleTest {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Path RULES = MeshworkChart.ROOT.resolve("deploy/prometheus/alert_rules.yml");

  @Test
  void theChartReadsTheRuleFileThroughALinkNotACopy() throws Exception {
    Path link = MeshworkChart.DIR.resolve("files/alert_rules.yml");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(link.getParent().resolve(Files.readSymbolicLink(link)).toRealPath())
        .isEqualTo(RULES.toRealPath());
  }

  @Test
  void carriesTheRuleFileGroupsAsWritten() {
    JsonNode groups = spec(Map.of()).path("groups");

    JsonNode file = YAML.readTree(RULES.toFile()).path("groups");
    assertThat(file.size()).isPositive();
    for (int i = 0; i < file.size(); i++) {
      assertThat(groups.get(i)).isEqualTo(file.get(i));
    }
  }

  @Test
  void theSeedAlertsAreTheSeedsExpressions() {
    Map<String, JsonNode> alerts = alerts(spec(Map.of()));

    JsonNode freshness = alerts.get("DataFreshnessBreach");
    assertThat(freshness.path("expr").asString())
        .isEqualTo("max_over_time(data_freshness_seconds[1h]) > 86400");
    assertThat(freshness.path("labels").path("severity").asString()).isEqualTo("critical");
    assertThat(freshness.path("annotations").path("summary").asString())
        .isEqualTo("Data stale for {{ $value }} seconds");
    JsonNode quality = alerts.get("QualityCheckFailed");
    assertThat(quality.path("expr").asString())
        .isEqualTo("sum(quality_violations_total) by (dataset) > 5");
    assertThat(quality.path("labels").path("severity").asString()).isEqualTo("warning");
    assertThat(quality.path("annotations").path("description").asString())
        .isEqualTo("{{ $labels.dataset }} has {{ $value }} quality issues");
  }

  @Test
  void healthAlertsTakeTheirThresholdsFromTheValues() {
    Map<String, JsonNode> alerts =
        alerts(
            spec(
                Map.of(
                    "metrics.prometheusRule.consumerLag.threshold", "250",
                    "metrics.prometheusRule.consumerLag.for", "20m",
                    "metrics.prometheusRule.outboxBacklog.enabled", "true")));

    assertThat(alerts)
        .containsOnlyKeys(
            "DataFreshnessBreach",
            "QualityCheckFailed",
            "MeshworkServiceDown",
            "MeshworkHighErrorRatio",
            "MeshworkConsumerLag",
            "MeshworkOutboxSendErrors",
            "MeshworkOutboxBacklog");
    assertThat(alerts.get("MeshworkHighErrorRatio").path("expr").asString())
        .contains("status=~\"5..\"")
        .endsWith("> 0.02");
    assertThat(alerts.get("MeshworkConsumerLag").path("expr").asString())
        .startsWith("max by (job, client_id) (kafka_consumer_fetch_manager_records_lag_max{")
        .endsWith("> 250");
    assertThat(alerts.get("MeshworkConsumerLag").path("for").asString()).isEqualTo("20m");
    assertThat(alerts.get("MeshworkOutboxBacklog").path("expr").asString()).endsWith("> 500");
    assertThat(alerts.get("MeshworkServiceDown").path("annotations").path("summary").asString())
        .isEqualTo("{{ $labels.job }} is down");
  }

  @Test
  void theOutboxBacklogAlertIsOnByDefaultAndCanBeTurnedOff() {
    assertThat(alerts(spec(Map.of()))).containsKey("MeshworkOutboxBacklog");
    assertThat(alerts(spec(Map.of("metrics.prometheusRule.outboxBacklog.enabled", "false"))))
        .doesNotContainKey("MeshworkOutboxBacklog");
  }

  @Test
  void healthAlertsSelectEveryServiceOfTheReleaseAndNothingElse() {
    Pattern selector = Pattern.compile("namespace=\"([^\"]+)\", job=~\"([^\"]+)\"");
    List<String> services =
        MeshworkChart.render(ValueSet.PRODUCTION).all(Service.class).stream()
            .map(service -> service.getMetadata().getName())
            .toList();
    for (JsonNode rule : alerts(spec(Map.of())).values()) {
      if (!rule.path("alert").asString().startsWith("Meshwork")) {
        continue;
      }
      Matcher matcher = selector.matcher(rule.path("expr").asString());
      assertThat(matcher.find()).as(rule.path("alert").asString()).isTrue();
      assertThat(matcher.group(1)).isEqualTo(MeshworkChart.NAMESPACE);
      Pattern jobs = Pattern.compile(matcher.group(2));
      // A ServiceMonitor's job label is the name of the Service it scrapes.
      assertThat(services).hasSize(5).allMatch(name -> jobs.matcher(name).matches());
      assertThat(jobs.matcher("meshwork-realm-import").matches()).isFalse();
    }
  }

  private static JsonNode spec(Map<String, String> sets) {
    for (JsonNode document :
        KubernetesManifests.documents(MeshworkChart.template(ValueSet.PRODUCTION, sets))) {
      if (document.path("kind").asString().equals("PrometheusRule")) {
        // Strictly typed as well (fabric8's monitoring model).
        KubernetesManifests.strict(document);
        return document.path("spec");
      }
    }
    throw new AssertionError("no PrometheusRule rendered");
  }

  private static Map<String, JsonNode> alerts(JsonNode spec) {
    Map<String, JsonNode> alerts = new LinkedHashMap<>();
    for (JsonNode group : spec.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        assertThat(alerts.put(rule.path("alert").asString(), rule)).isNull();
      }
    }
    return alerts;
  }
}
