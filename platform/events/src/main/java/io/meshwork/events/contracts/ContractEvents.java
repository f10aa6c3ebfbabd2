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

  public static final String CONTRACT_TOPIC = "meshwork.contracts.contract.v1";

  /** Key = contract id, for this and the following contract events. */
  public static final EventType<ContractVersionCreated> CONTRACT_VERSION_CREATED =
      new EventType<>(
          "io.meshwork.contracts.contract.version-created.v1",
          CONTRACT_TOPIC,
          SOURCE,
          ContractVersionCreated.class);

  public static final EventType<ContractStatusChanged> CONTRACT_STATUS_CHANGED =
      new EventType<>(
          "io.meshwork.contracts.contract.status-changed.v1",
          CONTRACT_TOPIC,
          SOURCE,
          ContractStatusChanged.class);

  /** Tells the consumers that pin a major its sunset date and successor. */
  public static final EventType<ContractMajorDeprecated> MAJOR_DEPRECATED =
      new EventType<>(
          "io.meshwork.contracts.contract.major-deprecated.v1",
          CONTRACT_TOPIC,
          SOURCE,
          ContractMajorDeprecated.class);

  public static final EventType<ConsumerAgreementSigned> AGREEMENT_SIGNED =
      new EventType<>(
          "io.meshwork.contracts.contract.agreement-signed.v1",
          CONTRACT_TOPIC,
          SOURCE,
          ConsumerAgreementSigned.class);

  public static final EventType<ContractTested> CONTRACT_TESTED =
      new EventType<>(
          "io.meshwork.contracts.contract.tested.v1", CONTRACT_TOPIC, SOURCE, ContractTested.class);

  public static final String QUALITY_TOPIC = "meshwork.contracts.quality.v1";

  /**
   * Key = the data product's name. A quality run measured a product's output port: per field, the
   * share of non-null values (governance's {@code null_check} evidence).
   */
  public static final EventType<QualityMeasured> QUALITY_MEASURED =
      new EventType<>(
          "io.meshwork.contracts.quality.measured.v1",
          QUALITY_TOPIC,
          SOURCE,
          QualityMeasured.class);

  /**
   * Key = the dataset ({@code domain/name}). A quality suite's run finished: catalog-service shows
   * it as the health of the products the dataset serves.
   */
  public static final EventType<QualityRunCompleted> QUALITY_RUN_COMPLETED =
      new EventType<>(
          "io.meshwork.contracts.quality.run-completed.v1",
          QUALITY_TOPIC,
          SOURCE,
          QualityRunCompleted.class);

  private ContractEvents() {}
}
