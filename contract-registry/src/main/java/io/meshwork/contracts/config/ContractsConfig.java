package io.meshwork.contracts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "meshwork.contracts")
public interface ContractsConfig {

  BasicAuth basicAuth();

  Quality quality();

  Subjects subjects();

  Access access();

  Observability observability();

  /** Quality suites on the provisioned datasets: where they are, how often, what is normal. */
  interface Observability {

    /** JDBC URL of the warehouse server; each dataset's database replaces its path. */
    String serverUrl();

    /** How often the scheduler looks for due suites. */
    @WithDefault("30s")
    Duration tick();

    /** How often a suite runs when it does not say (its {@code schedule}). */
    @WithDefault("1h")
    Duration defaultSchedule();

    /** Volume anomaly: the share a row count may move from its baseline (the seed's 20%). */
    @WithDefault("0.20")
    double volumeTolerance();

    /** Volume anomaly: how many earlier runs make the baseline. */
    @WithDefault("7")
    int baselineRuns();

    /** How long a Kafka check waits for the broker. */
    @WithDefault("10s")
    Duration kafkaTimeout();
  }

  /** Access requests to data products and the agreements they become. */
  interface Access {

    /** The longest access a request may ask for, unless the product says (product.maxAccess). */
    @WithDefault("P365D")
    Duration maxDuration();

    /** How long before expiry the reminder event goes out. */
    @WithDefault("P7D")
    Duration reminderBefore();

    /** An ACTIVE agreement unconfirmed for this long is listed for its producer to confirm. */
    @WithDefault("P90D")
    Duration reviewAfter();

    /** How often expiries and reminders are looked for. */
    @WithDefault("30s")
    Duration expiryInterval();
  }

  /** Which data domain a new schema-registry subject belongs to (see SubjectAccess). */
  interface Subjects {

    /**
     * Topic or record name prefixes and the domain their subjects belong to, e.g. {@code
     * meshwork.contracts.subjects.domain-prefixes."com.acme.orders"=sales}.
     */
    Map<String, String> domainPrefixes();

    /** Data domains known before any of their subjects exists (the first name segment rule). */
    Optional<Set<String>> domains();
  }

  /** The quality gate and contract tests. */
  interface Quality {

    /** Records one validate call may carry. */
    @WithDefault("100000")
    int maxRecords();

    /** Problems listed in a validate answer (all are counted). */
    @WithDefault("1000")
    int maxErrors();

    /** Hosts contract tests may connect to (servers[].host of a contract). */
    @WithDefault("127.0.0.1,localhost")
    List<String> allowedHosts();

    /** Read-only login for contract tests; the password comes from the environment. */
    @WithDefault("postgres")
    String username();

    Optional<String> password();

    /** Statement timeout of each check query. */
    @WithDefault("30s")
    Duration queryTimeout();

    /** Failing rows kept with a failed row-level check (0: none, for sensitive data). */
    @WithDefault("5")
    int sampleSize();
  }

  /**
   * HTTP Basic with a Keycloak client's id and secret, for Kafka serializers and similar clients.
   */
  interface BasicAuth {

    /** Keycloak's token endpoint; derived from quarkus.oidc.auth-server-url when unset. */
    Optional<String> tokenUrl();

    /** How long a verified client id/secret pair is trusted before Keycloak is asked again. */
    @WithDefault("60s")
    Duration cacheTtl();

    /** Failed pairs are refused without asking Keycloak for this long. */
    @WithDefault("5s")
    Duration failureTtl();
  }
}
