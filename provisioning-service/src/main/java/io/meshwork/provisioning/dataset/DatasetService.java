package io.meshwork.provisioning.dataset;

import io.meshwork.events.outbox.Outbox;
import io.meshwork.events.provisioning.DatasetRequested;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class DatasetService {

  private final DatasetRepository datasets;
  private final Outbox outbox;

  public DatasetService(DatasetRepository datasets, Outbox outbox) {
    this.datasets = datasets;
    this.outbox = outbox;
  }

  /** Records the request and its event in one transaction: both or neither. */
  @Transactional
  public Dataset request(CreateDatasetRequest request, Caller caller) {
    caller.requireMayChange(request.domain());
    if (datasets.findByDomainAndName(request.domain(), request.name()).isPresent()) {
      throw new ConflictException(
          "provisioning.dataset.exists",
          "Dataset '" + request.name() + "' already exists in domain '" + request.domain() + "'");
    }
    Instant now = Instant.now();
    Dataset dataset = new Dataset();
    dataset.id = UUID.randomUUID();
    dataset.domain = request.domain();
    dataset.name = request.name();
    dataset.storage = request.storage();
    dataset.schemaUrn = request.schema();
    dataset.state = DatasetState.REQUESTED;
    dataset.requestedBy = caller.name();
    dataset.createdAt = now;
    dataset.updatedAt = now;
    datasets.persist(dataset);
    outbox.publish(
        ProvisioningEvents.DATASET_REQUESTED,
        dataset.id.toString(),
        dataset.domain + "/" + dataset.name,
        new DatasetRequested(
            dataset.id,
            dataset.domain,
            dataset.name,
            dataset.storage,
            dataset.schemaUrn,
            dataset.requestedBy,
            now));
    return dataset;
  }

  public Dataset get(String domain, String name) {
    return datasets
        .findByDomainAndName(domain, name)
        .orElseThrow(() -> new DatasetNotFoundException(domain, name));
  }
}
