package io.meshwork.governance.review;

/** Where a review round stands; only an OPEN one can be decided. */
public enum ReviewStatus {
  OPEN,
  APPROVED,
  CHANGES_REQUESTED,
  /** A newer submission of the product opened the next round before this one was decided. */
  SUPERSEDED
}
