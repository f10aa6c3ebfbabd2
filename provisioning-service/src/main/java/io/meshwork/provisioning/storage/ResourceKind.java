package io.meshwork.provisioning.storage;

/** A real resource a dataset owns (or shares, for schemas and owner roles). */
public enum ResourceKind {
  POSTGRES_TABLE,
  POSTGRES_ROLE,
  KAFKA_TOPIC,
  S3_BUCKET,
  S3_PREFIX
}
