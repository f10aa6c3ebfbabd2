package io.meshwork.events.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A dataset's storage exists and is ready; {@code resources} are the real names and URIs. */
public record DatasetProvisioned(
    UUID datasetId,
    String domain,
    String name,
    String storage,
    String schema,
    List<ResourceRef> resources,
    Instant provisionedAt) {}
