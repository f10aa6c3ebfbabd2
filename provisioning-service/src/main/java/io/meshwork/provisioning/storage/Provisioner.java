package io.meshwork.provisioning.storage;

import java.util.List;

/**
 * Creates, removes and checks the real resources of one kind of storage target. Every method is
 * idempotent: work resumed after a crash runs it again.
 */
public interface Provisioner {

  boolean supports(StorageTarget target);

  /**
   * The resources {@link #provision} will create, in the order the API lists them. They are noted
   * in the ledger (PENDING) before it runs: with the dataset's request when its work starts at
   * once, else when a worker takes it up.
   */
  List<ResourceLedger.Planned> plan(ProvisioningContext context);

  /**
   * Creates what is missing. {@code intents} answer {@link #plan} in its order and say what an
   * earlier attempt noted: a resource that exists although nothing noted it before is someone
   * else's. What is still pending when this returns is marked created together with the dataset's
   * READY state.
   */
  void provision(
      ProvisioningContext context, List<ResourceLedger.Intent> intents, ResourceLedger ledger);

  /** Removes what the ledger says this dataset created (or, with {@code retain}, detaches it). */
  void deprovision(ProvisioningContext context, ResourceLedger ledger, boolean retain);

  /** Compares the real resources with what was provisioned. */
  List<DriftFinding> verify(ProvisioningContext context, ResourceLedger ledger);
}
