package io.meshwork.contracts.contract.diff;

/**
 * One difference between two contract versions: where ({@code schema.orders.properties.status}),
 * what kind, how severe, the old and new value, and a sentence saying why it matters.
 */
public record ContractChange(
    Severity severity, String kind, String path, String before, String after, String message) {}
