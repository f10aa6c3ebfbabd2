package io.meshwork.events.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * {@code version} is live and discoverable. {@code sources} and {@code transformations} are the
 * lineage its owner declares; {@code outputPorts} the provisioned datasets ({@code domain/name})
 * that hold its data.
 */
public record DataProductPublished(
    String name,
    String domain,
    String owner,
    String version,
    List<String> sources,
    List<String> transformations,
    List<String> outputPorts,
    JsonNode spec,
    String publishedBy,
    Instant publishedAt) {}
