package io.meshwork.provisioning.work;

import io.meshwork.events.provisioning.ResourceRef;
import io.meshwork.provisioning.dataset.Dataset;
import io.meshwork.provisioning.storage.ProvisioningContext;
import io.meshwork.provisioning.storage.ResourceLedger;
import io.meshwork.provisioning.storage.ResourceStatus;
import java.util.List;

/**
 * A new dataset's work, taken up with its request: a work session (a slot of this instance, the
 * connection the request is stored on, and then the dataset's lock), what the dataset is, and the
 * resources it will create, noted with the request. Provisioning then needs no hand-over to a
 * worker and no look at the database before it starts.
 */
public record WorkClaim(
    WorkSession session,
    Dataset dataset,
    ProvisioningContext context,
    List<ResourceLedger.Planned> planned) {

  /** The planned resources as the ledger holds them, with this status. */
  public List<ResourceRef> resources(ResourceStatus status) {
    return planned.stream()
        .map(p -> new ResourceRef(p.kind().name(), p.name(), p.uri(), status.name()))
        .toList();
  }
}
