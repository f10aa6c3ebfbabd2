package io.meshwork.provisioning.storage;

import java.util.List;

/**
 * Creates, removes and checks the real resources of one kind of storage target. Every method is
 * idempotent: work resumed after a crash runs it again.
 */
public interface Provisioner {

  boolean supports(StorageTarget target);

  /**
   * Creates what is missing, noting each resource in the ledger before creating it. What is still
   * pending when this returns is marked created together with the dataset's READY state.
   */
  void provision(ProvisioningContext context, ResourceLedger ledger);

  /** Removes what the ledger says this dataset created (or, with {@code retain}, detaches it). */
  void deprovision(ProvisioningContext context, ResourceLedger ledger, boolean retain);

  /** Compares the real resources with what was provisioned. */
  List<DriftFinding> verify(ProvisioningContext context, ResourceLedger ledger);
}
