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

  private ProvisioningEvents() {}
}
