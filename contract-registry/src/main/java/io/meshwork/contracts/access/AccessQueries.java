package io.meshwork.contracts.access;

import io.meshwork.contracts.access.AccessRequest.Side;
import io.meshwork.web.problem.ResourceNotFoundException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.DomainAccessDeniedException;
import io.meshwork.web.security.Roles;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/** Finding requests and telling who the caller is to one. */
final class AccessQueries {

  private AccessQueries() {}

  static AccessRequest find(UUID id) {
    AccessRequest request = AccessRequest.findById(id);
    if (request == null) {
      throw new ResourceNotFoundException(
          "contracts.access.not-found", "There is no access request " + id);
    }
    return request;
  }

  /** The request, locked for this transaction: steps on one request happen one at a time. */
  static AccessRequest forUpdate(UUID id) {
    AccessRequest request = AccessRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (request == null) {
      throw new ResourceNotFoundException(
          "contracts.access.not-found", "There is no access request " + id);
    }
    return request;
  }

  static boolean isConsumer(AccessRequest request, Caller caller) {
    return request.consumer.equals(caller.name())
        || (request.consumerDomain != null && caller.domains().contains(request.consumerDomain));
  }

  static boolean isProducer(AccessRequest request, Caller caller) {
    return caller.mayChange(request.productDomain);
  }

  /** Consumers, the producing domain's owners and the governance board see a request. */
  static boolean maySee(AccessRequest request, Caller caller) {
    return isConsumer(request, caller)
        || isProducer(request, caller)
        || caller.hasRole(Roles.GOVERNANCE_BOARD);
  }

  static AccessRequest visible(UUID id, Caller caller) {
    AccessRequest request = find(id);
    if (!maySee(request, caller)) {
      throw new DomainAccessDeniedException(
          caller.name() + " is neither the consumer nor an owner of '" + request.product + "'");
    }
    return request;
  }

  /** Which side of the negotiation the caller is on (the consumer, when both). */
  static Side side(AccessRequest request, Caller caller, String action) {
    if (isConsumer(request, caller)) {
      return Side.CONSUMER;
    }
    if (isProducer(request, caller)) {
      return Side.PRODUCER;
    }
    throw new DomainAccessDeniedException(
        caller.name()
            + " may not "
            + action
            + ": neither the consumer nor an owner of domain '"
            + request.productDomain
            + "'");
  }
}
