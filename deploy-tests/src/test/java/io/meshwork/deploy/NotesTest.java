package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the user reads after helm install: how to reach each API and how to get a token. */
class NotesTest {

  @Test
  void withoutIngressesTheNotesPortForwardEachService() {
    String notes = MeshworkChart.notes(ValueSet.MINIMAL);

    assertThat(notes)
        .contains(
            "catalog-service        kubectl --namespace data-mesh port-forward"
                + " svc/meshwork-catalog-service 8081  -> http://127.0.0.1:8081",
            "contract-registry      kubectl --namespace data-mesh port-forward"
                + " svc/meshwork-contract-registry 8085  -> http://127.0.0.1:8085",
            "http://keycloak.keycloak.svc.cluster.local:8080/realms/meshwork/protocol/openid-connect/token",
            "-d grant_type=password -d client_id=meshwork-cli -d username=mara",
            "kubectl --namespace data-mesh get secret meshwork-secrets -o jsonpath='{.data.demo-password}'",
            "add your pipelines' namespace in networkPolicy.apiClientPeers");
  }

  @Test
  void withIngressesTheNotesNameTheHosts() {
    String notes = MeshworkChart.notes(ValueSet.PRODUCTION);

    assertThat(notes)
        .contains(
            "catalog-service        https://catalog.meshwork.example.com",
            "lineage-service        https://lineage.meshwork.example.com",
            "https://sso.example.com/realms/meshwork/protocol/openid-connect/token")
        .doesNotContain("port-forward svc/", "networkPolicy.apiClientPeers");
  }

  @Test
  void withAnExistingSecretTheNotesShowNoSecretOfTheirOwn() {
    assertThat(MeshworkChart.notes(ValueSet.EXISTING_SECRETS))
        .doesNotContain("get secret meshwork-secrets")
        .contains("realm import (Job meshwork-realm-import)");
  }
}
