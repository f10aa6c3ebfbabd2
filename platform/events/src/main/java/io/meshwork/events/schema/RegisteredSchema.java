package io.meshwork.events.schema;

/** A schema fetched from the registry by its global id. {@code type} is AVRO, JSON or PROTOBUF. */
public record RegisteredSchema(int id, String type, String schema) {}
