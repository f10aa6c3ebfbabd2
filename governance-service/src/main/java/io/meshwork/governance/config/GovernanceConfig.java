package io.meshwork.governance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "meshwork.governance")
public interface GovernanceConfig {

  Warehouse warehouse();

  Directory directory();

  Reevaluation reevaluation();

  /**
   * The PostgreSQL server that holds the products' output port tables, read (never written) to
   * count a field's non-null values when no quality metric was reported.
   */
  interface Warehouse {
    /** JDBC URL of the server; its database part is replaced by the port's database. */
    String serverUrl();

    @WithDefault("postgres")
    String username();

    Optional<String> password();

    /** The longest a count may run before the rule reports it could not measure. */
    @WithDefault("10s")
    Duration queryTimeout();
  }

  /** Keycloak as the directory of people and teams ({@code owner_exists}). */
  interface Directory {
    @WithDefault("meshwork")
    String realm();
  }

  /** Products evaluated again after a policy that applies to them changed. */
  interface Reevaluation {
    @WithDefault("2s")
    Duration interval();

    @WithDefault("50")
    int batchSize();
  }
}
