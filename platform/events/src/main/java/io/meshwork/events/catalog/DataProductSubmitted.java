package io.meshwork.events.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The owner asks for {@code version} to go live: governance reviews it ({@code round} counts the
 * product's submissions, so a resubmission links to the rounds before).
 */
public record DataProductSubmitted(
    String name,
    String domain,
    String owner,
    String version,
    int round,
    JsonNode spec,
    String submittedBy,
    Instant submittedAt) {}
