package io.meshwork.governance.audit;

/** What an audit entry records. */
public enum AuditAction {
  POLICY_CHANGED,
  EVALUATED,
  REVIEW_OPENED,
  CHANGES_REQUESTED,
  APPROVED,
  OVERRIDDEN,
  ACCESS_CHECKED
}
