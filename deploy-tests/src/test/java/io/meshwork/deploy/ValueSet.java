package io.meshwork.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The chart's value sets under helm/meshwork/ci, with the secrets a user would pass by --set. */
enum ValueSet {
  /** Where PostgreSQL, Kafka and Keycloak are; secrets on the command line. */
  MINIMAL("minimal-values.yaml"),
  /** HPAs, ingresses, ServiceMonitors, the PrometheusRule, NetworkPolicy peers, a warehouse. */
  PRODUCTION("production-values.yaml"),
  /** Every secret from Secrets made beforehand; nothing on the command line. */
  EXISTING_SECRETS("existing-secrets-values.yaml");

  private final String file;

  ValueSet(String file) {
    this.file = file;
  }

  Path file() {
    return MeshworkChart.DIR.resolve("ci").resolve(file);
  }

  /** The --set values of this set. */
  Map<String, String> sets() {
    Map<String, String> sets = new LinkedHashMap<>();
    if (this == EXISTING_SECRETS) {
      return sets;
    }
    sets.put("secrets.postgresPassword", "pg-Secret-1");
    sets.put("secrets.keycloakAdminPassword", "kc-Admin-2");
    sets.put("secrets.demoPassword", "demo-Pass-3");
    for (String client : MeshworkChart.CLIENTS) {
      sets.put("secrets.clientSecrets." + client, "client-" + client + "-Secret");
    }
    if (this == PRODUCTION) {
      sets.put("secrets.warehousePassword", "wh-Secret-4");
    }
    return sets;
  }
}
