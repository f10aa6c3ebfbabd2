package io.meshwork.events.provisioning;

import io.meshwork.events.EventType;

/** Events owned by provisioning-service, on its dataset topic (key = dataset id). */
public final class ProvisioningEvents {

  public static final String SOURCE = "/provisioning-service";
  public static final String DATASET_TOPIC = "meshwork.provisioning.dataset.v1";

  public static final EventType<DatasetRequested> DATASET_REQUESTED =
      new EventType<>(
          "io.meshwork.provisioning.dataset.requested.v1",
          DATASET_TOPIC,
          SOURCE,
          DatasetRequested.class);

  public static final EventType<DatasetProvisioningStarted> DATASET_PROVISIONING_STARTED =
      new EventType<>(
          "io.meshwork.provisioning.dataset.provisioning-started.v1",
          DATASET_TOPIC,
          SOURCE,
          DatasetProvisioningStarted.class);

  public static final EventType<DatasetProvisioned> DATASET_PROVISIONED =
      new EventType<>(
          "io.meshwork.provisioning.dataset.provisioned.v1",
          DATASET_TOPIC,
          SOURCE,
          DatasetProvisioned.class);

  public static final EventType<DatasetProvisioningFailed> DATASET_PROVISIONING_FAILED =
      new EventType<>(
          "io.meshwork.provisioning.dataset.provisioning-failed.v1",
          DATASET_TOPIC,
          SOURCE,
          DatasetProvisioningFailed.class);

  public static final EventType<DatasetDeprovisioned> DATASET_DEPROVISIONED =
      new EventType<>(
          "io.meshwork.provisioning.dataset.deprovisioned.v1",
          DATASET_TOPIC,
          SOURCE,
          DatasetDeprovisioned.class);

  public static final EventType<DatasetDriftDetected> DATASET_DRIFT_DETECTED =
      new EventType<>(
          "io.meshwork.provisioning.dataset.drift-detected.v1",
          DATASET_TOPIC,
          SOURCE,
          DatasetDriftDetected.class);

  public static final String GRANT_TOPIC = "meshwork.provisioning.grant.v1";

  /** Key = the access request's id: its grants were applied on the real storage. */
  public static final EventType<GrantsChanged> GRANTS_APPLIED =
      new EventType<>(
          "io.meshwork.provisioning.grant.applied.v1", GRANT_TOPIC, SOURCE, GrantsChanged.class);

  /** Key = the access request's id: its grants were taken back. */
  public static final EventType<GrantsChanged> GRANTS_REVOKED =
      new EventType<>(
          "io.meshwork.provisioning.grant.revoked.v1", GRANT_TOPIC, SOURCE, GrantsChanged.class);

  private ProvisioningEvents() {}
}
