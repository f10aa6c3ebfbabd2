package io.meshwork.provisioning.storage;

/**
 * PENDING is written before a resource is created, CREATED after: after a crash, PENDING says "may
 * exist, and if it does it is ours", so resumed work adopts it and rollback removes it.
 */
public enum ResourceStatus {
  PENDING,
  CREATED,
  DELETED,
  DETACHED
}
