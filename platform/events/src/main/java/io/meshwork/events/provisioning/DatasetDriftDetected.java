package io.meshwork.events.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A dataset's real resources no longer match what was provisioned. */
public record DatasetDriftDetected(
    UUID datasetId, String domain, String name, List<Drift> findings, Instant checkedAt) {

  /** One difference: the resource and what is wrong with it. */
  public record Drift(String resource, String problem) {}
}
