package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What each value set renders: the objects, and where every secret comes from. */
class ManifestSetTest {

  @Test
  void minimalRendersTheServicesAndTheRealmImport() {
    KubernetesManifests manifests = MeshworkChart.render(ValueSet.MINIMAL);

    assertThat(kinds(manifests))
        .isEqualTo(
            Map.of(
                "ConfigMap", 6L,
                "Deployment", 5L,
                "Job", 1L,
                "NetworkPolicy", 6L,
                "PodDisruptionBudget", 5L,
                "Secret", 1L,
                "Service", 5L,
                "ServiceAccount", 5L));
    assertThat(manifests.all(Deployment.class))
        .allSatisfy(deployment -> assertThat(deployment.getSpec().getReplicas()).isEqualTo(1));
    Secret secret = manifests.named(Secret.class, "meshwork-secrets");
    assertThat(secret.getStringData())
        .containsOnlyKeys(
            "postgres-password",
            "keycloak-admin-password",
            "demo-password",
            "client-secret-catalog",
            "client-secret-provisioning",
            "client-secret-lineage",
            "client-secret-governance",
            "client-secret-contracts",
            "client-secret-pipelines")
        .containsEntry("postgres-password", "pg-Secret-1")
        .containsEntry("client-secret-governance", "client-governance-Secret");
    assertThat(secretRefs(manifests))
        .allSatisfy(
            ref -> {
              assertThat(ref.getName()).isEqualTo("meshwork-secrets");
              assertThat(secret.getStringData()).containsKey(ref.getKey());
            });
  }

  @Test
  void productionScalesExposesAndMonitorsEveryService() {
    KubernetesManifests manifests = MeshworkChart.render(ValueSet.PRODUCTION);

    assertThat(kinds(manifests))
        .containsEntry("HorizontalPodAutoscaler", 5L)
        .containsEntry("Ingress", 5L)
        .containsEntry("ServiceMonitor", 5L)
        .containsEntry("PrometheusRule", 1L)
        .containsEntry("PodDisruptionBudget", 5L);
    for (String module : MeshworkChart.SERVICES.values()) {
      String name = "meshwork-" + module;
      // The HPA owns the replica count.
      assertThat(manifests.named(Deployment.class, name).getSpec().getReplicas()).isNull();
      HorizontalPodAutoscaler hpa = manifests.named(HorizontalPodAutoscaler.class, name);
      assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
      assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
      assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
      assertThat(hpa.getSpec().getMetrics()).hasSize(2);
      assertThat(manifests.named(PodDisruptionBudget.class, name).getSpec().getMaxUnavailable())
          .satisfies(max -> assertThat(max.getIntVal()).isEqualTo(1));
      Ingress ingress = manifests.named(Ingress.class, name);
      assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
      assertThat(ingress.getSpec().getTls())
          .singleElement()
          .satisfies(
              tls ->
                  assertThat(tls.getHosts())
                      .containsExactly(ingress.getSpec().getRules().get(0).getHost()));
      assertThat(
              ingress
                  .getSpec()
                  .getRules()
                  .get(0)
                  .getHttp()
                  .getPaths()
                  .get(0)
                  .getBackend()
                  .getService()
                  .getName())
          .isEqualTo(name);
      ServiceMonitor monitor = manifests.named(ServiceMonitor.class, name);
      assertThat(monitor.getMetadata().getLabels())
          .containsEntry("release", "kube-prometheus-stack");
      assertThat(monitor.getSpec().getEndpoints())
          .singleElement()
          .satisfies(
              endpoint -> {
                assertThat(endpoint.getPort()).isEqualTo("http");
                assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
              });
      assertThat(monitor.getSpec().getSelector().getMatchLabels())
          .containsEntry("app.kubernetes.io/component", module);
    }
  }

  @Test
  void existingSecretsAreUsedAndNoSecretIsRendered() {
    KubernetesManifests manifests = MeshworkChart.render(ValueSet.EXISTING_SECRETS);

    assertThat(manifests.all(Secret.class)).isEmpty();
    Map<String, Set<String>> keysBySecret =
        secretRefs(manifests).stream()
            .collect(
                Collectors.groupingBy(
                    SecretKeySelector::getName,
                    TreeMap::new,
                    Collectors.mapping(
                        SecretKeySelector::getKey, Collectors.toCollection(TreeSet::new))));
    assertThat(keysBySecret)
        .isEqualTo(
            Map.of(
                "meshwork-db-credentials", Set.of("password"),
                "keycloak-initial-admin", Set.of("password"),
                "meshwork-secrets",
                    Set.of(
                        "demo-password",
                        "client-secret-catalog",
                        "client-secret-provisioning",
                        "client-secret-lineage",
                        "client-secret-governance",
                        "client-secret-contracts",
                        "client-secret-pipelines",
                        "s3-access-key",
                        "s3-secret-key")));
    Job job = manifests.named(Job.class, "meshwork-realm-import");
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .anySatisfy(
            env -> {
              assertThat(env.getName()).isEqualTo("KEYCLOAK_ADMIN");
              assertThat(env.getValue()).isEqualTo("temp-admin");
            });
  }

  @Test
  void configMapsHoldNoSecret() {
    for (ValueSet set : ValueSet.values()) {
      for (ConfigMap configMap : MeshworkChart.render(set).all(ConfigMap.class)) {
        assertThat(configMap.getData().values())
            .noneMatch(value -> set.sets().values().stream().anyMatch(value::contains));
      }
    }
  }

  static List<SecretKeySelector> secretRefs(KubernetesManifests manifests) {
    Stream<PodSpec> pods =
        Stream.concat(
            manifests.all(Deployment.class).stream()
                .map(deployment -> deployment.getSpec().getTemplate().getSpec()),
            manifests.all(Job.class).stream().map(job -> job.getSpec().getTemplate().getSpec()));
    return pods.flatMap(pod -> pod.getContainers().stream())
        .flatMap(container -> container.getEnv().stream())
        .map(env -> env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef())
        .filter(Objects::nonNull)
        .toList();
  }

  private static Map<String, Long> kinds(KubernetesManifests manifests) {
    return manifests.all().stream()
        .collect(Collectors.groupingBy(HasMetadata::getKind, TreeMap::new, Collectors.counting()));
  }
}
