package io.meshwork.lineage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "meshwork.lineage")
public interface LineageConfig {

  Query query();

  Intake intake();

  Storage storage();

  /** Bounds on what one lineage query may walk and return. */
  interface Query {
    /** Deepest walk a query may ask for, in dataset hops. */
    @WithDefault("50")
    int maxDepth();

    /** Nodes one walk may reach before it stops and says it was truncated. */
    @WithDefault("100000")
    int maxNodes();

    /** Neighbours listed per node when a query does not say {@code first}. */
    @WithDefault("100")
    int defaultPageSize();

    @WithDefault("1000")
    int maxPageSize();

    /** Deepest GraphQL query, in nested fields (introspection is not counted). */
    @WithDefault("12")
    int graphqlDepth();

    /** Most fields one GraphQL query may select (introspection is not counted). */
    @WithDefault("400")
    int graphqlComplexity();
  }

  /** OpenLineage intake. */
  interface Intake {
    /** Events in one batch request. */
    @WithDefault("5000")
    int maxBatch();

    /** Threads writing lineage; requests arriving meanwhile are written together. */
    @WithDefault("2")
    int writers();

    /** Events written in one transaction at most (a larger batch request is never split). */
    @WithDefault("2000")
    int maxGroup();

    /** How long a request waits for its write before answering 500. */
    @WithDefault("60s")
    java.time.Duration timeout();

    /**
     * SHA-256 hashes (hex) of API keys pipelines may send as {@code Authorization: Bearer <key>}
     * instead of a token; each key may only write lineage. None by default.
     */
    Optional<List<String>> apiKeys();
  }

  /**
   * OpenLineage namespaces of the platform's storage, for datasets provisioning-service creates:
   * PostgreSQL tables are {@code postgres://host:port} + {@code database.schema.table}, topics
   * {@code kafka://bootstrap} + topic, S3 prefixes {@code s3://bucket} + prefix.
   */
  interface Storage {
    @WithDefault("postgres://localhost:5432")
    String postgresNamespace();

    @WithDefault("kafka://localhost:9092")
    String kafkaNamespace();
  }
}
