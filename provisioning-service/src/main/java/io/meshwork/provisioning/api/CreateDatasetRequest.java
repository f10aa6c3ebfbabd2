package io.meshwork.provisioning.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.provisioning.common.Identifiers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The seed's "Dataset Provisioning" body ({@code name, domain, storage, schema}) plus optional
 * settings. Unknown fields are refused (quarkus.jackson.fail-on-unknown-properties), so a typo is
 * not ignored.
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
    @NotNull(message = "is required") @Size(max = 1024, message = "must be at most 1024 characters")
        String storage,
    @Size(max = 512, message = "must be at most 512 characters") String schema,
    JsonNode schemaDefinition,
    @Size(max = 2000, message = "must be at most 2000 characters") String description,
    @Size(max = 255, message = "must be at most 255 characters") String owner,
    @Pattern(
            regexp = "^(public|internal|confidential|restricted)$",
            message = "must be public, internal, confidential or restricted")
        String classification,
    @Size(max = 40, message = "must be an ISO-8601 duration like P7D") String retention,
    @Min(value = 1, message = "must be at least 1")
        @Max(value = 1000, message = "must be at most 1000")
        Integer partitions,
    @Pattern(
            regexp = "^(delete|compact|compact,delete|delete,compact)$",
            message = "must be delete, compact or compact,delete")
        String cleanupPolicy,
    @Size(max = 20, message = "at most 20 tags")
        List<
                @NotNull(message = "must not be null")
                @Pattern(
                    regexp = "^[a-z0-9][a-z0-9_-]{0,62}$",
                    message = "must be lower-case letters, digits, '_' or '-'")
                String>
            tags) {}
