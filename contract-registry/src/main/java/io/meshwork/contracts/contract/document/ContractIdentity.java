package io.meshwork.contracts.contract.document;

/** What a seed-format document does not say about itself: taken from the request or defaults. */
public record ContractIdentity(
    String id, String name, String version, String domain, String status) {}
