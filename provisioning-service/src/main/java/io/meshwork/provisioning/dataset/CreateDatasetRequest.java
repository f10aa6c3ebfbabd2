package io.meshwork.provisioning.dataset;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The seed's "Dataset Provisioning" body: {@code {"name","domain","storage","schema"}}. Unknown
 * fields are refused (quarkus.jackson.fail-on-unknown-properties), so a typo is not ignored.
 */
public record CreateDatasetRequest(
    @NotNull(message = "is required")
        @Pattern(
            regexp = Identifiers.SAFE_IDENTIFIER,
            message = Identifiers.SAFE_IDENTIFIER_MESSAGE)
        String name,
    @NotNull(message = "is required")
        @Pattern(
            regexp = Identifiers.SAFE_IDENTIFIER,
            message = Identifiers.SAFE_IDENTIFIER_MESSAGE)
        String domain,
    @NotNull(message = "is required")
        @Size(max = 1024, message = "must be at most 1024 characters")
        @Pattern(
            regexp = "^(s3|postgres|kafka)://\\S+$",
            message = "must be a URI with scheme s3://, postgres:// or kafka://")
        String storage,
    @NotNull(message = "is required")
        @Size(max = 512, message = "must be at most 512 characters")
        @Pattern(
            regexp = "^urn:schema:[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*/v[0-9]+$",
            message = "must be a schema URN like urn:schema:customer/v2")
        String schema) {}
