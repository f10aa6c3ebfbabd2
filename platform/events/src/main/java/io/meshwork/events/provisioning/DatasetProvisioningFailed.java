package io.meshwork.events.provisioning;

import java.time.Instant;
import java.util.UUID;

/** Provisioning failed for good; what had been created was removed ({@code cleanedUp}). */
public record DatasetProvisioningFailed(
    UUID datasetId,
    String domain,
    String name,
    String storage,
    String reason,
    boolean cleanedUp,
    Instant failedAt) {}
