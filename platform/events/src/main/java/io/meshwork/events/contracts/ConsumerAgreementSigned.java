package io.meshwork.events.contracts;

import java.time.Instant;
import java.util.UUID;

/** A consumer pinned a contract's major version. */
public record ConsumerAgreementSigned(
    UUID agreementId,
    String contractId,
    int major,
    String consumer,
    String consumerDomain,
    Instant signedAt) {}
