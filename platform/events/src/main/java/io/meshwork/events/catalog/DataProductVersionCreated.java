package io.meshwork.events.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An owner's new spec of a product was accepted as {@code version}; {@code spec} is all of it. */
public record DataProductVersionCreated(
    String name,
    String domain,
    String owner,
    String version,
    String previousVersion,
    JsonNode spec,
    String createdBy,
    Instant createdAt) {}
