package io.meshwork.events.provisioning;

/** A real resource of a dataset: kind (POSTGRES_TABLE, KAFKA_TOPIC, S3_PREFIX, ...), name, URI. */
public record ResourceRef(String kind, String name, String uri, String status) {}
