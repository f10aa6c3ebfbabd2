package io.meshwork.governance.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A policy document at one version: scope ({@code global} or the domain), the policies as read, and
 * the HCL as written. {@code productsQueued} (after a change) counts the products it re-evaluates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyResponse(
    String name,
    String scope,
    int version,
    int currentVersion,
    JsonNode policies,
    String hcl,
    String createdBy,
    Instant createdAt,
    Integer productsQueued) {

  public static PolicyResponse of(PolicyDocument document, PolicyVersion version, Integer queued) {
    return new PolicyResponse(
        document.name,
        document.scope(),
        version.version(),
        document.currentVersion,
        version.policies,
        version.hcl,
        version.createdBy,
        version.createdAt,
        queued);
  }

  /** One version as the history lists it. */
  public record VersionEntry(
      int version, List<String> policies, String createdBy, Instant createdAt) {}

  /** One document as the list shows it. */
  public record DocumentEntry(String name, String scope, int currentVersion, Instant updatedAt) {}
}
