package io.meshwork.contracts.registry;

/** A named reference from one schema to a version of another subject (Confluent references). */
public record SchemaReference(String name, String subject, Integer version) {}
