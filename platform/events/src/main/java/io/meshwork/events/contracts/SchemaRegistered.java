package io.meshwork.events.contracts;

import java.time.Instant;

/** A new version of a subject was registered in the schema registry. */
public record SchemaRegistered(
    String subject,
    int version,
    int schemaId,
    String schemaType,
    String domain,
    String registeredBy,
    Instant registeredAt) {}
