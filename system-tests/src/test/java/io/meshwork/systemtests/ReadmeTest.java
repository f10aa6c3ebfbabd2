package io.meshwork.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshwork.events.EventCatalog;
import io.meshwork.events.EventType;
import io.meshwork.testing.TestInfra;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's tables say what the code does: its topic table is the events of {@code EventCatalog}
 * and the topics each service consumes, and every endpoint it names exists in that service's
 * OpenAPI snapshot. docs/api.md, the whole endpoint list, is made from the snapshots.
 */
class ReadmeTest {

  private static final List<String> SERVICES =
      List.of(
          "catalog-service",
          "provisioning-service",
          "lineage-service",
          "governance-service",
          "contract-registry");

  /** Served beside the REST API, so not in OpenAPI documents. */
  private static final Set<String> NOT_IN_OPENAPI = Set.of("POST /graphql");

  private static final Pattern SECTION = Pattern.compile("(?m)^### .*\\((\\S+), :\\d+\\)$");
  private static final Pattern ENDPOINT_ROW =
      Pattern.compile("(?m)^\\| `(GET|POST|PUT|DELETE|PATCH) (/[^`]*)` \\|");
  private static final Pattern TOPIC_ROW =
      Pattern.compile(
          "(?m)^\\| `(meshwork\\.[^`]+)` \\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|$");
  private static final Pattern CONSUMED_TOPIC =
      Pattern.compile(
          "(?m)^mp\\.messaging\\.incoming\\.[^.]+\\.topic=\\$\\{meshwork\\.kafka\\.topic-prefix:}(\\S+)$");

  private final Path root = TestInfra.projectRoot();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  private String readme() throws IOException {
    return Files.readString(root.resolve("README.md"));
  }

  @Test
  void theTopicTableIsTheEventCatalogAndTheServicesConsumers() throws IOException {
    Map<String, List<String>> rows = new TreeMap<>();
    Matcher row = TOPIC_ROW.matcher(readme());
    while (row.find()) {
      rows.put(row.group(1), List.of(row.group(2).strip(), row.group(3).strip(), row.group(4)));
    }
    Map<String, Set<String>> eventsByTopic = new TreeMap<>();
    Map<String, String> producerOf = new TreeMap<>();
    for (EventType<?> type : EventCatalog.ALL) {
      eventsByTopic.computeIfAbsent(type.topic(), t -> new TreeSet<>()).add(type.type());
      producerOf.put(type.topic(), type.source().substring(1));
    }
    Map<String, Set<String>> consumers = consumersByTopic();
    for (Map.Entry<String, Set<String>> topic : eventsByTopic.entrySet()) {
      List<String> documented = rows.get(topic.getKey());
      assertThat(documented).as("README row for topic %s", topic.getKey()).isNotNull();
      assertThat(documented.get(0))
          .as("producer of " + topic.getKey())
          .isEqualTo(producerOf.get(topic.getKey()));
      assertThat(names(documented.get(1)))
          .as("consumers of " + topic.getKey())
          .isEqualTo(consumers.getOrDefault(topic.getKey(), Set.of()));
      assertThat(backticked(documented.get(2)))
          .as("events on " + topic.getKey())
          .isEqualTo(topic.getValue());
    }
    for (String topic : rows.keySet()) {
      if (!topic.endsWith(".dead-letter.v1")) {
        assertThat(eventsByTopic).as("the README names topic " + topic).containsKey(topic);
      }
    }
  }

  @Test
  void everyEndpointTheReadmeNamesIsInItsServicesOpenApiDocument() throws IOException {
    String readme = readme();
    Matcher section = SECTION.matcher(readme);
    List<int[]> bounds = new ArrayList<>();
    List<String> modules = new ArrayList<>();
    while (section.find()) {
      modules.add(section.group(1));
      bounds.add(new int[] {section.end(), 0});
    }
    for (int i = 0; i < bounds.size(); i++) {
      int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : readme.length();
      String text = readme.substring(bounds.get(i)[0], end);
      Set<String> operations = operations(modules.get(i)).keySet();
      Matcher endpoint = ENDPOINT_ROW.matcher(text);
      while (endpoint.find()) {
        String operation = endpoint.group(1) + " " + endpoint.group(2);
        if (!NOT_IN_OPENAPI.contains(operation)) {
          assertThat(operations).as("%s serves %s", modules.get(i), operation).contains(operation);
        }
      }
    }
    assertThat(modules)
        .as("a README section per service")
        .containsExactlyInAnyOrderElementsOf(SERVICES);
  }

  @Test
  void docsApiIsMadeFromTheOpenApiSnapshots() throws IOException {
    StringBuilder api =
        new StringBuilder(
            "<!-- Generated by system-tests ReadmeTest from each service's"
                + " src/test/resources/openapi.yaml; do not edit. -->\n"
                + "# Endpoints\n\n"
                + "Every REST endpoint of every service, from its OpenAPI document"
                + " (`/q/openapi`, Swagger UI at `/q/swagger-ui`).\n");
    for (String module : SERVICES) {
      api.append("\n## ").append(module).append("\n\n| Endpoint | Summary |\n|---|---|\n");
      for (Map.Entry<String, String> operation : operations(module).entrySet()) {
        api.append("| `")
            .append(operation.getKey())
            .append("` | ")
            .append(operation.getValue().replace("|", "\\|"))
            .append(" |\n");
      }
    }
    Path generated = Path.of("target", "api.md");
    Files.createDirectories(generated.getParent());
    Files.writeString(generated, api.toString());
    assertThat(Files.readString(root.resolve("docs/api.md")))
        .as("docs/api.md is stale: copy system-tests/target/api.md over it")
        .isEqualTo(api.toString());
  }

  /** {@code GET /path} -> summary, in the order of the document. */
  private Map<String, String> operations(String module) throws IOException {
    JsonNode document =
        yaml.readTree(root.resolve(module).resolve("src/test/resources/openapi.yaml").toFile());
    Map<String, String> operations = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (method.getValue().has("responses")) {
          operations.put(
              method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
              method.getValue().path("summary").asText(""));
        }
      }
    }
    return operations;
  }

  private Map<String, Set<String>> consumersByTopic() throws IOException {
    Map<String, Set<String>> consumers = new TreeMap<>();
    for (String module : SERVICES) {
      String properties =
          Files.readString(
              root.resolve(module).resolve("src/main/resources/application.properties"));
      Matcher topic = CONSUMED_TOPIC.matcher(properties);
      while (topic.find()) {
        consumers.computeIfAbsent(topic.group(1), t -> new TreeSet<>()).add(module);
      }
    }
    return consumers;
  }

  private static Set<String> names(String cell) {
    return Arrays.stream(cell.split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> backticked(String cell) {
    Set<String> values = new TreeSet<>();
    Matcher value = Pattern.compile("`([^`]+)`").matcher(cell);
    while (value.find()) {
      values.add(value.group(1));
    }
    return values;
  }
}
