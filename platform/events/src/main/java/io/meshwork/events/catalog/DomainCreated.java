package io.meshwork.events.catalog;

import java.time.Instant;

/** A data domain exists: services that place things in domains may now use its name. */
public record DomainCreated(String name, String ownerTeam, String createdBy, Instant createdAt) {}
