package io.meshwork.provisioning.storage;

/** Where a dataset lives, parsed from its {@code storage} URI with defaults applied. */
public sealed interface StorageTarget
    permits StorageTarget.Postgres, StorageTarget.Kafka, StorageTarget.S3 {

  /** The canonical URI, defaults filled in. */
  String uri();

  /** {@code postgres://<database>/<schema>}: a table named after the dataset in that schema. */
  record Postgres(String database, String schema) implements StorageTarget {
    @Override
    public String uri() {
      return "postgres://" + database + "/" + schema;
    }
  }

  /** {@code kafka://<topic>}. */
  record Kafka(String topic) implements StorageTarget {
    @Override
    public String uri() {
      return "kafka://" + topic;
    }
  }

  /** {@code s3://<bucket>/<prefix>}. */
  record S3(String bucket, String prefix) implements StorageTarget {
    @Override
    public String uri() {
      return "s3://" + bucket + "/" + prefix;
    }
  }
}
