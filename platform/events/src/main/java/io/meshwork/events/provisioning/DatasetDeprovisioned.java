package io.meshwork.events.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A dataset was deleted: its storage removed, or kept and detached when {@code retained}. */
public record DatasetDeprovisioned(
    UUID datasetId,
    String domain,
    String name,
    String storage,
    boolean retained,
    List<ResourceRef> resources,
    Instant deprovisionedAt) {}
