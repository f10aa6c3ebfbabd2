package io.meshwork.contracts.access;

import io.meshwork.web.problem.ConflictException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * REQUESTED -> PROPOSED -> NEGOTIATING -> COMPLIANCE_CHECK -> APPROVED -> ACTIVE -> EXPIRED |
 * REVOKED, and REJECTED from any open state.
 */
public enum AccessStatus {
  REQUESTED,
  PROPOSED,
  NEGOTIATING,
  COMPLIANCE_CHECK,
  APPROVED,
  ACTIVE,
  EXPIRED,
  REVOKED,
  REJECTED;

  private static final Map<AccessStatus, Set<AccessStatus>> NEXT =
      Map.of(
          REQUESTED, EnumSet.of(PROPOSED, REJECTED),
          PROPOSED, EnumSet.of(NEGOTIATING, COMPLIANCE_CHECK, REJECTED),
          NEGOTIATING, EnumSet.of(NEGOTIATING, COMPLIANCE_CHECK, REJECTED),
          COMPLIANCE_CHECK, EnumSet.of(APPROVED, REJECTED),
          APPROVED, EnumSet.of(ACTIVE, REJECTED),
          ACTIVE, EnumSet.of(EXPIRED, REVOKED));

  public Set<AccessStatus> next() {
    return NEXT.getOrDefault(this, EnumSet.noneOf(AccessStatus.class));
  }

  public boolean open() {
    return this != ACTIVE && !next().isEmpty();
  }

  /** 409 naming the steps this state allows, when {@code to} is not one of them. */
  public void requireAllowed(AccessStatus to, String action) {
    if (!next().contains(to)) {
      List<String> allowed = next().stream().map(Enum::name).sorted().toList();
      throw new ConflictException(
          "contracts.access.illegal-transition",
          "Cannot "
              + action
              + " a request that is "
              + this
              + (allowed.isEmpty()
                  ? ": it is final"
                  : ": from " + this + " it may only move to " + allowed));
    }
  }
}
