package io.meshwork.events.provisioning;

import java.time.Instant;
import java.util.UUID;

/** Provisioning of a dataset began (or resumed, with a higher attempt). */
public record DatasetProvisioningStarted(
    UUID datasetId, String domain, String name, String storage, int attempt, Instant startedAt) {}
