package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The pods' checksum/config annotation changes with their configuration, and only then. */
class ConfigChecksumTest {

  @Test
  void isStableAcrossRenders() {
    assertThat(checksums(Map.of())).isEqualTo(checksums(Map.of()));
  }

  @Test
  void changesOnlyForTheServicesWhoseConfigurationChanged() {
    Map<String, String> before = checksums(Map.of());
    Map<String, String> after = checksums(Map.of("lineage.intakeApiKeys[0]", "0".repeat(64)));

    assertThat(after.get("meshwork-lineage-service"))
        .isNotEqualTo(before.get("meshwork-lineage-service"));
    after.remove("meshwork-lineage-service");
    before.remove("meshwork-lineage-service");
    assertThat(after).isEqualTo(before);
  }

  @Test
  void changesEverywhereWithASharedSetting() {
    Map<String, String> before = checksums(Map.of());
    Map<String, String> after = checksums(Map.of("kafka.topicPrefix", "blue."));

    before.forEach((name, checksum) -> assertThat(after.get(name)).as(name).isNotEqualTo(checksum));
  }

  @Test
  void changesWithASecretOfTheChartsSecret() {
    Map<String, String> before = checksums(Map.of());
    Map<String, String> after = checksums(Map.of("secrets.postgresPassword", "rotated-Secret-9"));

    before.forEach((name, checksum) -> assertThat(after.get(name)).as(name).isNotEqualTo(checksum));
  }

  private static Map<String, String> checksums(Map<String, String> sets) {
    Map<String, String> checksums = new TreeMap<>();
    KubernetesManifests.parse(MeshworkChart.template(ValueSet.MINIMAL, sets))
        .all(Deployment.class)
        .forEach(
            deployment ->
                checksums.put(
                    deployment.getMetadata().getName(),
                    deployment
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations()
                        .get("checksum/config")));
    return checksums;
  }
}
