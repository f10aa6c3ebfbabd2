package io.meshwork.governance.product;

import io.meshwork.web.security.Caller;
import io.meshwork.web.security.DomainAccessDeniedException;
import io.meshwork.web.security.Roles;

/**
 * Who sees governance's records of a product (its evaluations, reviews and audit trail): the
 * governance board, platform admins and services everywhere; a domain owner in their own domains.
 */
public final class GovernanceAccess {

  private GovernanceAccess() {}

  public static boolean seesAll(Caller caller) {
    return caller.hasRole(Roles.GOVERNANCE_BOARD)
        || caller.hasRole(Roles.PLATFORM_ADMIN)
        || caller.hasRole(Roles.PLATFORM_SERVICE);
  }

  public static boolean sees(Caller caller, String domain) {
    return seesAll(caller)
        || (caller.hasRole(Roles.DOMAIN_OWNER)
            && domain != null
            && caller.domains().contains(domain));
  }

  public static void requireSees(Caller caller, String domain) {
    if (!sees(caller, domain)) {
      throw new DomainAccessDeniedException(
          caller.name()
              + " may not see governance records of domain '"
              + domain
              + "': needs role "
              + Roles.GOVERNANCE_BOARD
              + " or "
              + Roles.PLATFORM_ADMIN
              + ", or "
              + Roles.DOMAIN_OWNER
              + " with '"
              + domain
              + "' in the domains claim");
    }
  }

  /** The board decides reviews; no one else. */
  public static void requireBoard(Caller caller) {
    if (!caller.hasRole(Roles.GOVERNANCE_BOARD)) {
      throw new DomainAccessDeniedException(
          caller.name() + " may not decide reviews: needs role " + Roles.GOVERNANCE_BOARD);
    }
  }
}
