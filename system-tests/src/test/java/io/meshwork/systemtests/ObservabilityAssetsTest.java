package io.meshwork.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshwork.testing.TestInfra;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus rules and the Grafana dashboard under deploy/ say what the platform measures: the
 * rules are the seed's alerts as written, and the dashboard asks only for the metrics
 * contract-registry exports.
 */
class ObservabilityAssetsTest {

  /** The metrics contract-registry exports; the timer's series carry Micrometer's suffixes. */
  private static final Set<String> EXPORTED_METRICS =
      Set.of(
          "data_freshness_seconds",
          "quality_violations_total",
          "quality_check_duration_seconds_count",
          "quality_check_duration_seconds_sum",
          "quality_check_duration_seconds_max");

  private static final Pattern SEED_ALERT_RULES =
      Pattern.compile("(?s)```yaml\\n(# alert_rules\\.yml\\n.*?)```");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w$.:])[A-Za-z_:][A-Za-z0-9_:]*+(?!\\s*\\()");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "group_left",
          "group_right",
          "inf",
          "nan",
          "atan2");
  private static final Pattern THRESHOLD = Pattern.compile(">\\s*(\\d+)\\s*$");

  private final Path root = TestInfra.projectRoot();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final ObjectMapper json = new ObjectMapper();

  /**
   * The seed's alert_rules.yml block as this repository keeps it (the seed itself lives beside the
   * repository, not in it); where the seed is at hand, the copy must be its block verbatim.
   */
  private String seedBlock() throws IOException {
    String copy =
        Files.readString(root.resolve("system-tests/src/test/resources/seed/alert_rules.yml"));
    String configured = System.getProperty("meshwork.seed");
    Path seed =
        configured != null
            ? Path.of(configured)
            : root.resolve("../shared/seed/000_f7e4d8773a3157ce.txt").normalize();
    if (Files.isRegularFile(seed)) {
      Matcher block = SEED_ALERT_RULES.matcher(Files.readString(seed));
      assertThat(block.find()).as("the seed's ```yaml block headed # alert_rules.yml").isTrue();
      assertThat(copy)
          .as("the repository's copy of the seed's alert rules")
          .isEqualTo(block.group(1));
      assertThat(block.find()).as("a second alert_rules.yml block in the seed").isFalse();
    }
    return copy;
  }

  private List<JsonNode> seedRules() throws IOException {
    return elements(yaml.readTree(seedBlock()).path("rules"));
  }

  private JsonNode ruleFile() throws IOException {
    return yaml.readTree(root.resolve("deploy/prometheus/alert_rules.yml").toFile());
  }

  private JsonNode dashboard() throws IOException {
    return json.readTree(root.resolve("deploy/grafana/data-observability.json").toFile());
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> elements = new ArrayList<>();
    array.forEach(elements::add);
    return elements;
  }

  private Map<String, JsonNode> deployedAlerts() throws IOException {
    Map<String, JsonNode> alerts = new LinkedHashMap<>();
    for (JsonNode group : elements(ruleFile().path("groups"))) {
      for (JsonNode rule : elements(group.path("rules"))) {
        if (rule.has("alert")) {
          JsonNode previous = alerts.put(rule.get("alert").asText(), rule);
          assertThat(previous).as("a second rule named " + rule.get("alert").asText()).isNull();
        }
      }
    }
    return alerts;
  }

  @Test
  void everySeedAlertIsDeployedAsWritten() throws IOException {
    List<JsonNode> seedRules = seedRules();
    assertThat(seedRules)
        .extracting(rule -> rule.path("alert").asText())
        .containsExactly("DataFreshnessBreach", "QualityCheckFailed");
    Map<String, JsonNode> deployed = deployedAlerts();
    for (JsonNode seedRule : seedRules) {
      String alert = seedRule.get("alert").asText();
      JsonNode rule = deployed.get(alert);
      assertThat(rule).as("deployed rule " + alert).isNotNull();
      for (String field : List.of("alert", "expr", "labels", "annotations")) {
        assertThat(seedRule.get(field)).as("the seed's %s of %s", field, alert).isNotNull();
        assertThat(rule.get(field)).as("%s of %s", field, alert).isEqualTo(seedRule.get(field));
      }
    }
  }

  @Test
  void theRuleFileIsPrometheusRuleGroups() throws IOException {
    List<JsonNode> groups = elements(ruleFile().path("groups"));
    assertThat(groups)
        .extracting(group -> group.path("name").asText())
        .containsExactly("meshwork-data-observability");
    for (JsonNode group : groups) {
      List<JsonNode> rules = elements(group.path("rules"));
      assertThat(rules).as("rules of group " + group.path("name").asText()).isNotEmpty();
      for (JsonNode rule : rules) {
        assertThat(rule.path("alert").isTextual() || rule.path("record").isTextual())
            .as("rule %s has an alert or record name", rule)
            .isTrue();
        assertThat(rule.path("expr").asText()).as("expr of %s", rule).isNotBlank();
        assertThat(metricNames(rule.path("expr").asText()))
            .as("metrics of %s", rule)
            .isSubsetOf(EXPORTED_METRICS);
      }
    }
  }

  @Test
  void theDashboardAsksOnlyForExportedMetrics() throws IOException {
    Set<String> used = new TreeSet<>();
    List<JsonNode> targets = new ArrayList<>();
    for (JsonNode panel : panels(dashboard())) {
      targets.addAll(elements(panel.path("targets")));
    }
    assertThat(targets).isNotEmpty();
    for (JsonNode target : targets) {
      String expr = target.path("expr").asText();
      assertThat(expr).as("expr of target %s", target).isNotBlank();
      assertThat(target.path("datasource").path("type").asText()).isEqualTo("prometheus");
      assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
      Set<String> metrics = metricNames(expr);
      assertThat(metrics).as("metrics of " + expr).isNotEmpty().isSubsetOf(EXPORTED_METRICS);
      used.addAll(metrics);
    }
    assertThat(used).contains("data_freshness_seconds", "quality_violations_total");
  }

  @Test
  void theDashboardFiltersByDomainOnThePrometheusDatasource() throws IOException {
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    for (JsonNode variable : elements(dashboard().path("templating").path("list"))) {
      variables.put(variable.path("name").asText(), variable);
    }
    assertThat(variables).containsKeys("domain", "DS_PROMETHEUS");
    JsonNode datasource = variables.get("DS_PROMETHEUS");
    assertThat(datasource.path("type").asText()).isEqualTo("datasource");
    assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
    JsonNode domain = variables.get("domain");
    assertThat(domain.path("type").asText()).isEqualTo("query");
    assertThat(domain.path("query").path("query").asText())
        .isEqualTo("label_values(data_freshness_seconds, domain)");
    assertThat(domain.path("datasource").path("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
  }

  @Test
  void theFreshnessPanelDrawsTheAlertsThreshold() throws IOException {
    String expr = deployedAlerts().get("DataFreshnessBreach").path("expr").asText();
    Matcher threshold = THRESHOLD.matcher(expr);
    assertThat(threshold.find()).as("a threshold in " + expr).isTrue();
    int seconds = Integer.parseInt(threshold.group(1));
    JsonNode freshness =
        panels(dashboard()).stream()
            .filter(panel -> panel.path("type").asText().equals("timeseries"))
            .filter(
                panel ->
                    elements(panel.path("targets")).stream()
                        .anyMatch(
                            target ->
                                metricNames(target.path("expr").asText())
                                    .contains("data_freshness_seconds")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no timeseries panel on data_freshness_seconds"));
    JsonNode defaults = freshness.path("fieldConfig").path("defaults");
    assertThat(defaults.path("custom").path("thresholdsStyle").path("mode").asText())
        .isEqualTo("line");
    assertThat(elements(defaults.path("thresholds").path("steps")))
        .extracting(step -> step.path("value").asInt(-1))
        .contains(seconds);
  }

  @Test
  void metricNamesAreTheSelectorsNotFunctionsLabelsOrVariables() {
    assertThat(
            metricNames(
                "sum by (dataset) (increase(quality_violations_total{domain=~\"$domain\"}[$__range]))"
                    + " / on (dataset) group_left max(kube_pod_info offset 5m) > 5"))
        .containsExactlyInAnyOrder("quality_violations_total", "kube_pod_info");
    assertThat(metricNames("max_over_time(data_freshness_seconds[1h]) > 86400"))
        .containsExactly("data_freshness_seconds");
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : elements(dashboard.path("panels"))) {
      panels.add(panel);
      // A collapsed row holds its panels.
      panels.addAll(elements(panel.path("panels")));
    }
    return panels;
  }

  /** The metric names a PromQL expression selects, without a full parser. */
  static Set<String> metricNames(String expr) {
    String bare = STRING_LITERAL.matcher(expr).replaceAll(" ");
    bare = LABEL_MATCHERS.matcher(bare).replaceAll(" ");
    bare = RANGE.matcher(bare).replaceAll(" ");
    bare = GROUPING.matcher(bare).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(bare);
    while (identifier.find()) {
      if (!KEYWORDS.contains(identifier.group())) {
        names.add(identifier.group());
      }
    }
    return names;
  }
}
