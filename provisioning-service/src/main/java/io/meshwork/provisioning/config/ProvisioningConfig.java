package io.meshwork.provisioning.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "meshwork.provisioning")
public interface ProvisioningConfig {

  Worker worker();

  SchemaRegistry schemaRegistry();

  Postgres postgres();

  Kafka kafka();

  Drift drift();

  /** The background work that provisions and deprovisions. */
  interface Worker {
    /** Datasets provisioned at the same time by one instance. */
    @WithDefault("4")
    int threads();

    /** Safety-net poll for due work; a new request wakes the worker at once. */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * How long a dataset claimed for work may stay PROVISIONING before the poll takes it for work
     * left by an instance that died (the dataset's lock tells which; until then it is not asked).
     */
    @WithDefault("5s")
    Duration resumeAfter();

    /** Attempts on transient failures before a dataset fails and is cleaned up. */
    @WithDefault("6")
    int maxAttempts();

    @WithDefault("1s")
    Duration backoffInitial();

    @WithDefault("2m")
    Duration backoffMax();

    /** How long to wait for the registry while it is down: the dataset waits, never guesses. */
    @WithDefault("1h")
    Duration schemaWaitMax();
  }

  /** contract-registry's Confluent API, to resolve urn:schema:subject/vN. */
  /**
   * contract-registry, where dataset schemas given as {@code urn:schema:...} are looked up (the
   * base URL of the {@code schema-registry} REST client; timeouts in its {@code
   * quarkus.rest-client.schema-registry.*} settings).
   */
  interface SchemaRegistry {
    @WithDefault("http://127.0.0.1:8085")
    String url();
  }

  /** The PostgreSQL server datasets are provisioned on (the warehouse). */
  interface Postgres {
    /** JDBC URL of the server; its database part is replaced by the dataset's database. */
    String serverUrl();

    @WithDefault("postgres")
    String username();

    Optional<String> password();

    @WithDefault("warehouse")
    String defaultDatabase();

    /** Databases datasets may name in postgres://<database>/<schema>; created if missing. */
    @WithDefault("warehouse")
    List<String> allowedDatabases();
  }

  /** The Kafka cluster dataset topics live on. */
  interface Kafka {
    Optional<String> bootstrapServers();

    @WithDefault("3")
    int defaultPartitions();

    @WithDefault("100")
    int maxPartitions();

    @WithDefault("1")
    short replicationFactor();

    @WithDefault("P7D")
    String defaultRetention();
  }

  interface Drift {
    /** How often every READY dataset's resources are compared with what was provisioned. */
    @WithDefault("10m")
    Duration interval();
  }
}
