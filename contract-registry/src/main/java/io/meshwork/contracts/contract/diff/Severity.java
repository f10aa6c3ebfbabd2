package io.meshwork.contracts.contract.diff;

/** How a change between two contract versions affects the contract's consumers and producers. */
public enum Severity {
  /** Breaks a consumer or the data already written: needs a new major version. */
  BREAKING,
  /** May break someone; review before publishing. */
  WARNING,
  /** Compatible. */
  INFO
}
