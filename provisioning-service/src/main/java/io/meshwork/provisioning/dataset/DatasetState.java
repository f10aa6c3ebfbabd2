package io.meshwork.provisioning.dataset;

/** Where a dataset stands in its life. */
public enum DatasetState {
  REQUESTED
}
