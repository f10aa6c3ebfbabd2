package io.meshwork.events.catalog;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Consumers should move off the product by {@code sunsetAt}, to {@code successor} if there is one.
 */
public record DataProductDeprecated(
    String name,
    String domain,
    String version,
    LocalDate sunsetAt,
    String successor,
    String reason,
    String deprecatedBy,
    Instant deprecatedAt) {}
