package io.meshwork.events;

import io.meshwork.events.catalog.CatalogEvents;
import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.governance.GovernanceEvents;
import io.meshwork.events.provisioning.ProvisioningEvents;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every event type the platform's services exchange, in one list: what the README's topic table and
 * the payload compatibility test are checked against.
 */
public final class EventCatalog {

  public static final List<EventType<?>> ALL =
      Stream.concat(
              Stream.of(
                  ProvisioningEvents.DATASET_REQUESTED,
                  ProvisioningEvents.DATASET_PROVISIONING_STARTED,
                  ProvisioningEvents.DATASET_PROVISIONED,
                  ProvisioningEvents.DATASET_PROVISIONING_FAILED,
                  ProvisioningEvents.DATASET_DEPROVISIONED,
                  ProvisioningEvents.DATASET_DRIFT_DETECTED,
                  ContractEvents.SCHEMA_REGISTERED,
                  ContractEvents.CONTRACT_VERSION_CREATED,
                  ContractEvents.CONTRACT_STATUS_CHANGED,
                  ContractEvents.MAJOR_DEPRECATED,
                  ContractEvents.AGREEMENT_SIGNED,
                  ContractEvents.CONTRACT_TESTED,
                  ContractEvents.QUALITY_MEASURED,
                  ContractEvents.QUALITY_RUN_COMPLETED,
                  CatalogEvents.DOMAIN_CREATED,
                  CatalogEvents.VERSION_CREATED,
                  CatalogEvents.SUBMITTED,
                  CatalogEvents.PUBLISHED,
                  CatalogEvents.DEPRECATED,
                  CatalogEvents.RETIRED,
                  GovernanceEvents.REVIEW_DECIDED,
                  GovernanceEvents.ACCESS_CHECKED,
                  ProvisioningEvents.GRANTS_APPLIED,
                  ProvisioningEvents.GRANTS_REVOKED),
              AccessEvents.ALL.stream())
          .toList();

  private EventCatalog() {}
}
