package io.meshwork.catalog.product;

import java.util.EnumSet;
import java.util.Set;

/**
 * A data product's lifecycle: {@code DRAFT -> SUBMITTED -> APPROVED -> PUBLISHED -> DEPRECATED ->
 * RETIRED}, and {@code SUBMITTED -> CHANGES_REQUESTED -> SUBMITTED}. Approval and change requests
 * come only from governance's decisions; a published product's new version starts a new DRAFT while
 * its published version stays discoverable.
 */
public enum ProductStatus {
  DRAFT,
  SUBMITTED,
  CHANGES_REQUESTED,
  APPROVED,
  PUBLISHED,
  DEPRECATED,
  RETIRED;

  /** The statuses a product may move to from this one, by anyone. */
  public Set<ProductStatus> next() {
    return switch (this) {
      case DRAFT, CHANGES_REQUESTED -> EnumSet.of(SUBMITTED);
      case SUBMITTED -> EnumSet.of(APPROVED, CHANGES_REQUESTED);
      case APPROVED -> EnumSet.of(PUBLISHED);
      case PUBLISHED -> EnumSet.of(DEPRECATED);
      case DEPRECATED -> EnumSet.of(RETIRED);
      case RETIRED -> EnumSet.noneOf(ProductStatus.class);
    };
  }

  /** Whether the owner may put a new spec: in a draft, after a change request, once published. */
  public boolean acceptsNewVersion() {
    return this == DRAFT || this == CHANGES_REQUESTED || this == PUBLISHED;
  }

  /** Moves only governance's decisions make. */
  public static final Set<ProductStatus> DECIDED_BY_GOVERNANCE =
      EnumSet.of(APPROVED, CHANGES_REQUESTED);
}
