package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each service talks to its clients, DNS, PostgreSQL, Kafka, Keycloak and its own callees only. */
class NetworkPolicyTest {

  private static final String DNS = "53/UDP 53/TCP -> namespace kube-system, pods k8s-app=kube-dns";
  private static final String POSTGRES = "5432/TCP -> ipBlock 10.20.0.0/24";
  private static final String KAFKA = "9093/TCP -> ipBlock 10.30.0.0/24";
  private static final String KEYCLOAK = "443/TCP -> namespace keycloak";
  private static final String S3 = "443/TCP -> ipBlock 0.0.0.0/0 except [10.0.0.0/8]";
  private static final List<String> FROM_PEERS =
      List.of(
          "http/TCP <- namespace ingress-nginx",
          "http/TCP <- namespace pipelines",
          "http/TCP <- namespace monitoring");

  @Test
  void productionAllowsExactlyThePeersEachServiceNeeds() {
    KubernetesManifests manifests = MeshworkChart.render(ValueSet.PRODUCTION);

    Map<String, List<String>> egress =
        Map.of(
            "catalog-service", List.of(DNS, POSTGRES, KAFKA, KEYCLOAK),
            "provisioning-service",
                List.of(
                    DNS,
                    POSTGRES,
                    KAFKA,
                    KEYCLOAK,
                    S3,
                    "8085/TCP -> pods app.kubernetes.io/component=contract-registry"),
            "lineage-service", List.of(DNS, POSTGRES, KAFKA, KEYCLOAK),
            "governance-service", List.of(DNS, POSTGRES, KAFKA, KEYCLOAK),
            "contract-registry", List.of(DNS, POSTGRES, KAFKA, KEYCLOAK));
    for (String module : MeshworkChart.SERVICES.values()) {
      NetworkPolicy policy = manifests.named(NetworkPolicy.class, "meshwork-" + module);
      assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
      assertThat(policy.getSpec().getPodSelector().getMatchLabels())
          .containsEntry("app.kubernetes.io/component", module);
      assertThat(policy.getSpec().getEgress().stream().map(NetworkPolicyTest::egress))
          .as(module + " egress")
          .containsExactlyElementsOf(egress.get(module));
    }
    assertThat(ingress(manifests, "contract-registry"))
        .containsExactly(
            "http/TCP <- pods app.kubernetes.io/component=provisioning-service",
            FROM_PEERS.get(0),
            FROM_PEERS.get(1),
            FROM_PEERS.get(2));
    for (String module :
        List.of(
            "catalog-service", "provisioning-service", "lineage-service", "governance-service")) {
      assertThat(ingress(manifests, module))
          .as(module + " ingress")
          .containsExactlyElementsOf(FROM_PEERS);
    }
  }

  @Test
  void minimalAdmitsOnlyTheOtherServicesWithoutAnIngressOrMonitoring() {
    KubernetesManifests manifests = MeshworkChart.render(ValueSet.MINIMAL);

    assertThat(ingress(manifests, "catalog-service")).isEmpty();
    assertThat(ingress(manifests, "contract-registry"))
        .containsExactly("http/TCP <- pods app.kubernetes.io/component=provisioning-service");
    // External systems on their ports, at any address until their peers are configured.
    assertThat(
            manifests
                .named(NetworkPolicy.class, "meshwork-catalog-service")
                .getSpec()
                .getEgress()
                .stream()
                .map(NetworkPolicyTest::egress))
        .containsExactly(
            DNS, "5432/TCP -> anywhere", "9092/TCP -> anywhere", "8080/TCP 8443/TCP -> anywhere");
  }

  @Test
  void theRealmImportReachesOnlyDnsAndKeycloak() {
    NetworkPolicy policy =
        MeshworkChart.render(ValueSet.PRODUCTION)
            .named(NetworkPolicy.class, "meshwork-realm-import");

    assertThat(policy.getSpec().getIngress()).isEmpty();
    assertThat(policy.getSpec().getEgress().stream().map(NetworkPolicyTest::egress))
        .containsExactly(DNS, KEYCLOAK);
  }

  @ParameterizedTest
  @EnumSource(ValueSet.class)
  void noRuleOpensEveryPort(ValueSet set) {
    for (NetworkPolicy policy : MeshworkChart.render(set).all(NetworkPolicy.class)) {
      assertThat(policy.getSpec().getIngress())
          .allSatisfy(rule -> assertThat(rule.getPorts()).isNotEmpty());
      assertThat(policy.getSpec().getEgress())
          .allSatisfy(rule -> assertThat(rule.getPorts()).isNotEmpty());
    }
  }

  private static List<String> ingress(KubernetesManifests manifests, String module) {
    return manifests
        .named(NetworkPolicy.class, "meshwork-" + module)
        .getSpec()
        .getIngress()
        .stream()
        .map(NetworkPolicyTest::ingress)
        .toList();
  }

  private static String ingress(NetworkPolicyIngressRule rule) {
    return ports(rule.getPorts()) + " <- " + peers(rule.getFrom());
  }

  private static String egress(NetworkPolicyEgressRule rule) {
    return ports(rule.getPorts()) + " -> " + peers(rule.getTo());
  }

  private static String ports(List<NetworkPolicyPort> ports) {
    return ports.stream()
        .map(
            port ->
                (port.getPort().getIntVal() != null
                        ? port.getPort().getIntVal().toString()
                        : port.getPort().getStrVal())
                    + "/"
                    + port.getProtocol())
        .collect(Collectors.joining(" "));
  }

  private static String peers(List<NetworkPolicyPeer> peers) {
    if (peers == null || peers.isEmpty()) {
      return "anywhere";
    }
    return peers.stream().map(NetworkPolicyTest::peer).collect(Collectors.joining(" | "));
  }

  private static String peer(NetworkPolicyPeer peer) {
    Set<String> parts = new TreeSet<>();
    if (peer.getIpBlock() != null) {
      List<String> except = peer.getIpBlock().getExcept();
      return "ipBlock "
          + peer.getIpBlock().getCidr()
          + (except == null || except.isEmpty() ? "" : " except " + except);
    }
    if (peer.getNamespaceSelector() != null) {
      parts.add(
          "namespace "
              + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
    }
    if (peer.getPodSelector() != null) {
      parts.add(
          "pods "
              + peer.getPodSelector().getMatchLabels().entrySet().stream()
                  .filter(label -> !label.getKey().startsWith("app.kubernetes.io/name"))
                  .filter(label -> !label.getKey().startsWith("app.kubernetes.io/instance"))
                  .map(label -> label.getKey() + "=" + label.getValue())
                  .collect(Collectors.joining(",")));
    }
    return String.join(", ", parts);
  }
}
