package io.meshwork.events.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A step of an access request to a data product, with the whole request as it stands after it:
 * {@code status} the state it reached, {@code by} who took the step and {@code reason} why (for
 * rejections, revocations, counter-offers). {@code principal} is the name the consumer's grants are
 * made for; {@code outputPorts} the datasets ({@code domain/name}) access is asked for, {@code
 * fields} the columns (empty: all of them). {@code sla} is the service level last offered.
 */
public record AccessRequestChanged(
    UUID requestId,
    String product,
    String productDomain,
    String consumer,
    String consumerDomain,
    String principal,
    String status,
    List<String> outputPorts,
    List<String> fields,
    String purpose,
    String contractId,
    String contractVersion,
    JsonNode sla,
    Instant expiresAt,
    String reason,
    String by,
    Instant at) {}
