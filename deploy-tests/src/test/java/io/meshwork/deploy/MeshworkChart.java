package io.meshwork.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** helm/meshwork through a real Helm engine (helm-java embeds Helm's Go library). */
final class MeshworkChart {

  static final Path ROOT =
      Path.of(System.getProperty("meshwork.root", "..")).toAbsolutePath().normalize();
  static final Path DIR = ROOT.resolve("helm/meshwork");
  static final String RELEASE = "meshwork";
  static final String NAMESPACE = "data-mesh";
  static final String KUBE_VERSION = "1.30.0";

  /** Values keys of the services, and their module (container, component) names. */
  static final Map<String, String> SERVICES = services();

  /** The realm's confidential clients (meshwork-<name>). */
  static final List<String> CLIENTS =
      List.of("catalog", "provisioning", "lineage", "governance", "contracts", "pipelines");

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private MeshworkChart() {}

  /**
   * A copy of the chart whose hooks render as plain manifests: helm-java's template leaves hooks
   * out (helm-java pull request 416), so their annotation key is renamed to {@link #HOOK} here.
   */
  static final String HOOK = "meshwork.test/helm-hook";

  private static final Path WITH_HOOKS = withHooks();

  /** {@code helm template} with the value set's file and --set values plus {@code extra}. */
  static String template(ValueSet set, Map<String, String> extra) {
    return template(DIR, set, extra);
  }

  /** Like {@link #template(ValueSet, Map)}, hooks included (their annotations named HOOK...). */
  static String templateWithHooks(ValueSet set, Map<String, String> extra) {
    return template(WITH_HOOKS, set, extra);
  }

  private static String template(Path chart, ValueSet set, Map<String, String> extra) {
    TemplateCommand command =
        new Helm(chart)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION)
            .withValuesFile(set.file());
    set.sets().forEach(command::set);
    extra.forEach(command::set);
    return command.call();
  }

  static String template(ValueSet set) {
    return template(set, Map.of());
  }

  /** NOTES.txt as {@code helm install} prints it (a client-only dry run: no cluster). */
  static String notes(ValueSet set) {
    InstallCommand command =
        new Helm(DIR)
            .install()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION)
            .clientOnly()
            .dryRun()
            .withValuesFile(set.file());
    set.sets().forEach(command::set);
    String output = command.call().getOutput();
    return output.substring(output.indexOf("NOTES:"));
  }

  /** Every manifest of the set, hooks included, parsed strictly. */
  static KubernetesManifests render(ValueSet set) {
    return KubernetesManifests.parse(templateWithHooks(set, Map.of()));
  }

  private static Path withHooks() {
    Path copy = ROOT.resolve("deploy-tests/target/chart-with-hooks/meshwork");
    try {
      if (Files.exists(copy)) {
        try (Stream<Path> old = Files.walk(copy)) {
          for (Path file : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
      copyChart(copy);
      try (Stream<Path> templates = Files.list(copy.resolve("templates"))) {
        for (Path template : templates.toList()) {
          Files.writeString(template, Files.readString(template).replace("helm.sh/hook", HOOK));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copy;
  }

  /**
   * {@code helm lint --strict} as if with {@code -f <set> --set ...}: helm-java's lint takes no
   * values, so a copy of the chart gets the merged values as its values.yaml.
   */
  static LintResult lint(ValueSet set, Path workDir) {
    Path copy = workDir.resolve("meshwork");
    copyChart(copy);
    ObjectNode values = (ObjectNode) YAML.readTree(DIR.resolve("values.yaml").toFile());
    merge(values, YAML.readTree(set.file().toFile()));
    set.sets().forEach((key, value) -> put(values, key, value));
    YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
    return new Helm(copy).lint().strict().call();
  }

  /** Copies the chart, links resolved to their files (as Helm itself loads them). */
  static void copyChart(Path target) {
    try (Stream<Path> files = Files.walk(DIR)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(DIR.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void merge(ObjectNode target, JsonNode source) {
    source
        .properties()
        .forEach(
            entry -> {
              JsonNode existing = target.get(entry.getKey());
              if (existing instanceof ObjectNode object && entry.getValue().isObject()) {
                merge(object, entry.getValue());
              } else {
                target.set(entry.getKey(), entry.getValue());
              }
            });
  }

  private static void put(ObjectNode values, String dottedKey, String value) {
    String[] path = dottedKey.split("\\.");
    ObjectNode node = values;
    for (int i = 0; i < path.length - 1; i++) {
      node = node.has(path[i]) ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
    }
    node.put(path[path.length - 1], value);
  }

  private static Map<String, String> services() {
    Map<String, String> services = new LinkedHashMap<>();
    services.put("catalog", "catalog-service");
    services.put("provisioning", "provisioning-service");
    services.put("lineage", "lineage-service");
    services.put("governance", "governance-service");
    services.put("contractRegistry", "contract-registry");
    return Collections.unmodifiableMap(services);
  }
}
