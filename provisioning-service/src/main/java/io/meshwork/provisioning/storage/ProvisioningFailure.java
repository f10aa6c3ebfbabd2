package io.meshwork.provisioning.storage;

import io.meshwork.provisioning.common.PublicFailure;

/** A failure retrying will not fix (a refused DDL, a name taken by someone else). */
public class ProvisioningFailure extends PublicFailure {

  public ProvisioningFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
