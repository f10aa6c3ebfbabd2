package io.meshwork.contracts.registry;

/**
 * An error of the Confluent-compatible API: leaves as Confluent's own body {@code {"error_code":
 * ..., "message": ...}}, so existing clients understand it.
 */
public class RegistryException extends RuntimeException {

  private final int status;
  private final int errorCode;

  public RegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  public int errorCode() {
    return errorCode;
  }

  public static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  public static RegistryException versionNotFound(Object version) {
    return new RegistryException(404, 40402, "Version " + version + " not found.");
  }

  public static RegistryException schemaNotFound(String detail) {
    return new RegistryException(404, 40403, detail);
  }

  public static RegistryException subjectSoftDeleted(String subject) {
    return new RegistryException(
        404,
        40404,
        "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
  }

  public static RegistryException subjectNotSoftDeleted(String subject) {
    return new RegistryException(
        404,
        40405,
        "Subject '" + subject + "' was not deleted first before being permanently deleted");
  }

  public static RegistryException versionSoftDeleted(String subject, int version) {
    return new RegistryException(
        404,
        40406,
        "Subject '"
            + subject
            + "' Version "
            + version
            + " was soft deleted.Set permanent=true to delete permanently");
  }

  public static RegistryException versionNotSoftDeleted(String subject, int version) {
    return new RegistryException(
        404,
        40407,
        "Subject '"
            + subject
            + "' Version "
            + version
            + " was not deleted first before being permanently deleted");
  }

  public static RegistryException noSubjectCompatibility(String subject) {
    return new RegistryException(
        404,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  public static RegistryException invalidSchema(String detail) {
    return new RegistryException(422, 42201, detail);
  }

  public static RegistryException invalidVersion(String version) {
    return new RegistryException(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"");
  }

  public static RegistryException referenceExists(String detail) {
    return new RegistryException(422, 42206, detail);
  }

  public static RegistryException invalidSubject(String detail) {
    return new RegistryException(422, 42208, detail);
  }

  public static RegistryException forbidden(String detail) {
    return new RegistryException(403, 40301, detail);
  }
}
