package io.meshwork.events.catalog;

import io.meshwork.events.EventType;

/** Events owned by catalog-service. */
public final class CatalogEvents {

  public static final String SOURCE = "/catalog-service";
  public static final String DATA_PRODUCT_TOPIC = "meshwork.catalog.data-product.v1";
  public static final String DOMAIN_TOPIC = "meshwork.catalog.domain.v1";

  /** Key = product name, for this and the following product events. */
  public static final EventType<DataProductVersionCreated> VERSION_CREATED =
      new EventType<>(
          "io.meshwork.catalog.data-product.version-created.v1",
          DATA_PRODUCT_TOPIC,
          SOURCE,
          DataProductVersionCreated.class);

  public static final EventType<DataProductSubmitted> SUBMITTED =
      new EventType<>(
          "io.meshwork.catalog.data-product.submitted.v1",
          DATA_PRODUCT_TOPIC,
          SOURCE,
          DataProductSubmitted.class);

  public static final EventType<DataProductPublished> PUBLISHED =
      new EventType<>(
          "io.meshwork.catalog.data-product.published.v1",
          DATA_PRODUCT_TOPIC,
          SOURCE,
          DataProductPublished.class);

  public static final EventType<DataProductDeprecated> DEPRECATED =
      new EventType<>(
          "io.meshwork.catalog.data-product.deprecated.v1",
          DATA_PRODUCT_TOPIC,
          SOURCE,
          DataProductDeprecated.class);

  public static final EventType<DataProductRetired> RETIRED =
      new EventType<>(
          "io.meshwork.catalog.data-product.retired.v1",
          DATA_PRODUCT_TOPIC,
          SOURCE,
          DataProductRetired.class);

  /** Key = domain name. */
  public static final EventType<DomainCreated> DOMAIN_CREATED =
      new EventType<>(
          "io.meshwork.catalog.domain.created.v1", DOMAIN_TOPIC, SOURCE, DomainCreated.class);

  private CatalogEvents() {}
}
