package io.meshwork.provisioning.storage;

/** A failure retrying will not fix (a refused DDL, a name taken by someone else). */
public class ProvisioningFailure extends RuntimeException {

  public ProvisioningFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
