package io.meshwork.provisioning.storage;

import io.meshwork.provisioning.schema.FieldSpec;
import java.util.List;
import java.util.UUID;

/** Everything a provisioner needs to know about one dataset. */
public record ProvisioningContext(
    UUID datasetId,
    String domain,
    String name,
    String owner,
    String classification,
    String description,
    int partitions,
    long retentionMillis,
    String cleanupPolicy,
    List<String> tags,
    List<FieldSpec> fields,
    StorageTarget target) {}
