package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pod the chart runs: non-root, read-only, no capabilities, probes, requests and limits. */
class DeploymentSecurityTest {

  private static final List<Integer> PORTS = List.of(8081, 8082, 8083, 8084, 8085);

  @ParameterizedTest
  @EnumSource(ValueSet.class)
  void everyServiceRunsLockedDown(ValueSet set) {
    KubernetesManifests manifests = MeshworkChart.render(set);
    List<String> modules = List.copyOf(MeshworkChart.SERVICES.values());
    for (int i = 0; i < modules.size(); i++) {
      String module = modules.get(i);
      int expectedPort = PORTS.get(i);
      String name = MeshworkChart.RELEASE + "-" + module;
      Deployment deployment = manifests.named(Deployment.class, name);
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      assertLockedDown(pod, 185L);
      assertThat(pod.getServiceAccountName()).isEqualTo(name);
      assertThat(manifests.named(ServiceAccount.class, name).getAutomountServiceAccountToken())
          .isFalse();

      Container container = pod.getContainers().get(0);
      assertThat(container.getName()).isEqualTo(module);
      assertThat(container.getImage()).endsWith("/" + module + ":" + imageTag(set));
      assertThat(container.getPorts())
          .singleElement()
          .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(expectedPort));
      assertProbe(container.getStartupProbe(), "/q/health/started");
      assertProbe(container.getLivenessProbe(), "/q/health/live");
      assertProbe(container.getReadinessProbe(), "/q/health/ready");
      assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
          .hasEntrySatisfying(
              "checksum/config", checksum -> assertThat(checksum).matches("[0-9a-f]{64}"));

      Service service = manifests.named(Service.class, name);
      assertThat(service.getSpec().getPorts())
          .singleElement()
          .satisfies(port -> assertThat(port.getPort()).isEqualTo(expectedPort));
      assertThat(service.getSpec().getSelector())
          .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    }
  }

  @ParameterizedTest
  @EnumSource(ValueSet.class)
  void theRealmImportRunsLockedDownAsAHook(ValueSet set) {
    Job job = MeshworkChart.render(set).named(Job.class, "meshwork-realm-import");

    assertLockedDown(job.getSpec().getTemplate().getSpec(), 1000L);
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry(MeshworkChart.HOOK, "post-install,post-upgrade")
        .containsEntry(
            MeshworkChart.HOOK + "-delete-policy", "before-hook-creation,hook-succeeded");
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("quay.io/keycloak/keycloak:26.7.3");
  }

  private static String imageTag(ValueSet set) {
    return set == ValueSet.PRODUCTION ? "0.1.0" : "0.1.0-SNAPSHOT";
  }

  private static void assertLockedDown(PodSpec pod, long uid) {
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getEnableServiceLinks()).isFalse();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(uid);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getContainers()).hasSize(1);
    Container container = pod.getContainers().get(0);
    SecurityContext security = container.getSecurityContext();
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getPrivileged()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getVolumeMounts())
        .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
    String tmp =
        container.getVolumeMounts().stream()
            .filter(mount -> mount.getMountPath().equals("/tmp"))
            .findFirst()
            .orElseThrow()
            .getName();
    assertThat(pod.getVolumes())
        .anySatisfy(
            volume -> {
              assertThat(volume.getName()).isEqualTo(tmp);
              assertThat(volume.getEmptyDir()).isNotNull();
            });
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }
}
