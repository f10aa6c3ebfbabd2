package io.meshwork.events.catalog;

import java.time.Instant;

/** The product is gone from discovery for good. */
public record DataProductRetired(
    String name, String domain, String version, String retiredBy, Instant retiredAt) {}
