package io.meshwork.provisioning.storage;

/** One way a real resource no longer matches what was provisioned. */
public record DriftFinding(String resource, String problem) {}
