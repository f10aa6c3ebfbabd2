package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * values.schema.json, enforced by Helm before it renders anything: a wrong type, a misspelt key or
 * an impossible value fails the install with Helm's own message.
 */
class ValuesSchemaTest {

  private static final String SCHEMA_FAILED =
      "values don't meet the specifications of the schema(s) in the following chart(s):";

  @Test
  void rejectsAWrongValueType() {
    assertThatThrownBy(() -> render(Map.of("services.catalog.replicas", "two")))
        .hasMessageContaining(SCHEMA_FAILED)
        .hasMessageContaining("- at '/services/catalog/replicas': got string, want integer");
  }

  @Test
  void rejectsAMisspeltKey() {
    assertThatThrownBy(() -> render(Map.of("services.catalog.replica", "2")))
        .hasMessageContaining(SCHEMA_FAILED)
        .hasMessageContaining(
            "- at '/services/catalog': additional properties 'replica' not allowed");
  }

  @Test
  void rejectsAnUnknownService() {
    assertThatThrownBy(() -> render(Map.of("services.search.replicas", "2")))
        .hasMessageContaining("- at '/services': additional properties 'search' not allowed");
  }

  @Test
  void rejectsAMisspeltTopLevelKey() {
    assertThatThrownBy(() -> render(Map.of("postgres.host", "db")))
        .hasMessageContaining("- at '': additional properties 'postgres' not allowed");
  }

  @Test
  void requiresTheImageRepository() {
    assertThatThrownBy(() -> render(Map.of("image.repository", "")))
        .hasMessageContaining("- at '/image/repository': minLength: got 0, want 1");
  }

  @Test
  void rejectsAnEmptyPostgresHost() {
    assertThatThrownBy(() -> render(Map.of("postgresql.host", "")))
        .hasMessageContaining("- at '/postgresql/host': minLength: got 0, want 1");
  }

  @Test
  void rejectsAKeycloakUrlWithATrailingSlash() {
    assertThatThrownBy(() -> render(Map.of("keycloak.url", "https://sso.example.com/")))
        .hasMessageContaining("- at '/keycloak/url': 'https://sso.example.com/' does not match");
  }

  @Test
  void rejectsAnUnknownRealmImportMode() {
    assertThatThrownBy(() -> render(Map.of("keycloak.realmImport.ifResourceExists", "MERGE")))
        .hasMessageContaining(
            "- at '/keycloak/realmImport/ifResourceExists': value must be one of 'SKIP', 'OVERWRITE', 'FAIL'");
  }

  @Test
  void rejectsAnApiKeyThatIsNotASha256() {
    assertThatThrownBy(() -> render(Map.of("lineage.intakeApiKeys[0]", "plain-key")))
        .hasMessageContaining(
            "- at '/lineage/intakeApiKeys/0': 'plain-key' does not match pattern");
  }

  @Test
  void namesAMissingSecretAndBothWaysToGiveIt() {
    assertThatThrownBy(
            () ->
                MeshworkChart.template(
                    ValueSet.EXISTING_SECRETS, Map.of("secrets.existingSecret", "")))
        .hasMessageContaining(
            "secrets.clientSecrets.provisioning is required: pass it with --set or name a Secret"
                + " in secrets.existingSecret");
  }

  @Test
  void requiresTheHostOfAnEnabledIngress() {
    assertThatThrownBy(() -> render(Map.of("services.lineage.ingress.enabled", "true")))
        .hasMessageContaining("services.lineage.ingress.host is required with its ingress enabled");
  }

  @Test
  void refusesToImportTheRealmUnderAnotherName() {
    assertThatThrownBy(() -> render(Map.of("keycloak.realm", "data")))
        .hasMessageContaining(
            "set keycloak.realm to its name or disable keycloak.realmImport (keycloak.realm is \"data\")");
  }

  private static String render(Map<String, String> sets) {
    return MeshworkChart.template(ValueSet.MINIMAL, sets);
  }
}
