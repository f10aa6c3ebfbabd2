package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The parser the chart's manifests go through rejects what the Kubernetes API would. */
class StrictParsingTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: catalog
      spec:
        replicas: 2
        selector:
          matchLabels: {app: catalog}
        template:
          metadata:
            labels: {app: catalog}
          spec:
            containers:
              - name: catalog
                image: meshwork/catalog-service:1
                securityContext:
                  readOnlyRootFilesystem: true
      """;

  @Test
  void readsAValidManifestIntoItsType() {
    assertThat(KubernetesManifests.strict(DEPLOYMENT))
        .isInstanceOfSatisfying(
            Deployment.class,
            deployment -> assertThat(deployment.getSpec().getReplicas()).isEqualTo(2));
  }

  @Test
  void rejectsAMisspeltField() {
    assertThatThrownBy(
            () ->
                KubernetesManifests.strict(
                    DEPLOYMENT.replace("readOnlyRootFilesystem", "readOnlyRootFilesytem")))
        .hasMessageContaining("readOnlyRootFilesytem");
  }

  @Test
  void rejectsAFieldAtTheWrongLevel() {
    assertThatThrownBy(
            () ->
                KubernetesManifests.strict(
                    DEPLOYMENT.replace("  replicas: 2", "  replicas: 2\n  podSelector: {}")))
        .hasMessageContaining("podSelector");
  }

  @Test
  void rejectsAValueOfTheWrongType() {
    assertThatThrownBy(
            () -> KubernetesManifests.strict(DEPLOYMENT.replace("replicas: 2", "replicas: \"2\"")))
        .hasMessageContaining("replicas");
  }

  @Test
  void rejectsAKindTheChartDoesNotUse() {
    assertThatThrownBy(
            () ->
                KubernetesManifests.strict(
                    DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnt")))
        .hasMessageContaining("apps/v1/Deploymnt");
  }
}
