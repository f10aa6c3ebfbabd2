package io.meshwork.events.contracts;

import io.meshwork.events.EventType;

/** Events owned by contract-registry. */
public final class ContractEvents {

  public static final String SOURCE = "/contract-registry";
  public static final String SCHEMA_TOPIC = "meshwork.contracts.schema.v1";

  /** Key = subject. */
  public static final EventType<SchemaRegistered> SCHEMA_REGISTERED =
      new EventType<>(
          "io.meshwork.contracts.schema.registered.v1",
          SCHEMA_TOPIC,
          SOURCE,
          SchemaRegistered.class);

  private ContractEvents() {}
}
