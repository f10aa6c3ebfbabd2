package io.meshwork.provisioning.dataset;

/** REQUESTED -> PROVISIONING -> READY | FAILED; READY|FAILED -> DEPROVISIONING -> DELETED. */
public enum DatasetState {
  REQUESTED,
  PROVISIONING,
  READY,
  FAILED,
  DEPROVISIONING,
  DELETED;

  public boolean settled() {
    return this == READY || this == FAILED || this == DELETED;
  }
}
