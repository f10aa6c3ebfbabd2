package io.meshwork.contracts.registry;

/** Confluent's content types; every request may use any of them (clients send one even on GETs). */
public final class RegistryMediaTypes {

  public static final String V1 = "application/vnd.schemaregistry.v1+json";
  public static final String GENERIC = "application/vnd.schemaregistry+json";
  public static final String JSON = "application/json";
  public static final String OCTET = "application/octet-stream";

  private RegistryMediaTypes() {}
}
