package io.meshwork.contracts.access;

import io.meshwork.contracts.access.AccessRequest.Side;
import io.meshwork.contracts.access.AccessRequests.Counter;
import io.meshwork.contracts.access.AccessRequests.NewRequest;
import io.meshwork.contracts.access.AccessRequests.Proposal;
import io.meshwork.contracts.config.ContractsConfig;
import io.meshwork.contracts.contract.ContractService;
import io.meshwork.contracts.contract.ContractVersion;
import io.meshwork.contracts.contract.DataContract;
import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.Problem.Violation;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.DomainAccessDeniedException;
import io.meshwork.web.security.Roles;
import io.meshwork.web.values.DurationText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A consumer's request and the negotiation that follows it, up to the compliance check. */
@ApplicationScoped
public class AccessService {

  private final AccessSteps steps;
  private final ContractService contracts;
  private final ContractsConfig config;

  public AccessService(AccessSteps steps, ContractService contracts, ContractsConfig config) {
    this.steps = steps;
    this.contracts = contracts;
    this.config = config;
  }

  @Transactional
  public AccessRequest request(NewRequest body, Caller caller) {
    List<Violation> problems = new ArrayList<>();
    PublishedProduct product = body.product() == null ? null : product(body.product());
    if (product == null) {
      problems.add(new Violation("product", "must name a published data product"));
    }
    if (body.purpose() == null || body.purpose().isBlank()) {
      problems.add(new Violation("purpose", "is required: what the data will be used for"));
    }
    if (body.expiresAt() == null) {
      problems.add(new Violation("expiresAt", "is required: access is always for a time"));
    }
    List<String> ports = body.outputPorts() == null ? List.of() : body.outputPorts();
    List<String> fields = body.fields() == null ? List.of() : body.fields();
    if (product != null) {
      if (ports.isEmpty()) {
        ports = product.outputPorts;
      }
      if (ports.isEmpty()) {
        problems.add(new Violation("outputPorts", "the product has no output port to grant"));
      }
      for (int i = 0; i < ports.size(); i++) {
        if (!product.outputPorts.contains(ports.get(i))) {
          problems.add(
              new Violation(
                  "outputPorts[" + i + "]", "is not one of the product's " + product.outputPorts));
        }
      }
      for (int i = 0; i < fields.size(); i++) {
        if (!product.fields.contains(fields.get(i))) {
          problems.add(new Violation("fields[" + i + "]", "is not a field of " + product.name));
        }
      }
      if (body.expiresAt() != null) {
        expiry(body.expiresAt(), product, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(
          "contracts.access.invalid", "The access request is not valid", problems);
    }
    String consumerDomain = consumerDomain(body.consumerDomain(), caller);
    AccessRequest request = new AccessRequest();
    request.id = UUID.randomUUID();
    request.product = product.name;
    request.productDomain = product.domain;
    request.consumer = caller.name();
    request.consumerDomain = consumerDomain;
    request.principal = principal(consumerDomain != null ? consumerDomain : caller.name());
    request.outputPorts = List.copyOf(ports);
    request.fields = List.copyOf(fields);
    request.purpose = body.purpose().strip();
    request.requiredSla = body.sla();
    request.expiresAt = body.expiresAt();
    request.createdAt = Instant.now();
    steps.move(
        request,
        AccessStatus.REQUESTED,
        "request",
        Side.CONSUMER,
        body.sla(),
        null,
        caller.name(),
        AccessEvents.REQUESTED);
    return request;
  }

  @Transactional
  public AccessRequest propose(UUID id, Proposal body, Caller caller) {
    AccessRequest request = AccessQueries.forUpdate(id);
    requireProducer(request, caller, "propose");
    if (body.contractId() == null || body.contractVersion() == null) {
      throw InvalidRequestException.ofField(
          "contracts.access.invalid",
          body.contractId() == null ? "contractId" : "contractVersion",
          "is required: the contract version the producer will be held to");
    }
    DataContract contract = contracts.contract(body.contractId());
    if (!contract.domain.equals(request.productDomain)) {
      throw InvalidRequestException.ofField(
          "contracts.access.invalid",
          "contractId",
          "is a contract of domain '" + contract.domain + "', not of " + request.productDomain);
    }
    ContractVersion version = contracts.version(body.contractId(), body.contractVersion());
    if (!"active".equals(version.status)) {
      throw InvalidRequestException.ofField(
          "contracts.access.invalid",
          "contractVersion",
          "is " + version.status + ": only an active version can be offered");
    }
    request.contractId = contract.id;
    request.contractVersion = version.version;
    request.offeredSla = body.sla() != null ? body.sla() : request.requiredSla;
    request.lastOfferBy = Side.PRODUCER;
    steps.move(
        request,
        AccessStatus.PROPOSED,
        "propose",
        Side.PRODUCER,
        request.offeredSla,
        body.comment(),
        caller.name(),
        AccessEvents.PROPOSED);
    return request;
  }

  @Transactional
  public AccessRequest counter(UUID id, Counter body, Caller caller) {
    AccessRequest request = AccessQueries.forUpdate(id);
    Side side = AccessQueries.side(request, caller, "counter");
    if (body.sla() == null || !body.sla().isObject()) {
      throw InvalidRequestException.ofField(
          "contracts.access.invalid", "sla", "is required: the service level offered instead");
    }
    if (body.comment() == null || body.comment().isBlank()) {
      throw InvalidRequestException.ofField(
          "contracts.access.invalid", "comment", "is required: why the other offer does not do");
    }
    request.status.requireAllowed(AccessStatus.NEGOTIATING, "counter");
    request.offeredSla = body.sla();
    request.lastOfferBy = side;
    steps.move(
        request,
        AccessStatus.NEGOTIATING,
        "counter",
        side,
        body.sla(),
        body.comment(),
        caller.name(),
        AccessEvents.COUNTERED);
    return request;
  }

  /** The side that did not make the last offer accepts it: governance checks the request next. */
  @Transactional
  public AccessRequest accept(UUID id, Caller caller) {
    AccessRequest request = AccessQueries.forUpdate(id);
    Side side = AccessQueries.side(request, caller, "accept");
    request.status.requireAllowed(AccessStatus.COMPLIANCE_CHECK, "accept");
    if (side == request.lastOfferBy) {
      throw new ConflictException(
          "contracts.access.own-offer",
          "The last offer is the "
              + side.name().toLowerCase(Locale.ROOT)
              + "'s own: the other side accepts it, or counters");
    }
    request.compliance = null;
    steps.move(
        request,
        AccessStatus.COMPLIANCE_CHECK,
        "accept",
        side,
        request.offeredSla,
        null,
        caller.name(),
        AccessEvents.COMPLIANCE_REQUESTED);
    return request;
  }

  private void requireProducer(AccessRequest request, Caller caller, String action) {
    if (!caller.mayChange(request.productDomain)) {
      throw new DomainAccessDeniedException(
          caller.name()
              + " may not "
              + action
              + ": only owners of domain '"
              + request.productDomain
              + "' do");
    }
  }

  private void expiry(Instant expiresAt, PublishedProduct product, List<Violation> problems) {
    Duration max =
        product.maxAccess != null
            ? DurationText.tryParse(product.maxAccess).orElse(config.access().maxDuration())
            : config.access().maxDuration();
    Instant now = Instant.now();
    if (!expiresAt.isAfter(now)) {
      problems.add(new Violation("expiresAt", "must be in the future"));
    } else if (expiresAt.isAfter(now.plus(max))) {
      problems.add(
          new Violation(
              "expiresAt",
              "is beyond the longest access "
                  + product.name
                  + " allows ("
                  + max.toDays()
                  + " days)"));
    }
  }

  private static PublishedProduct product(String name) {
    PublishedProduct product = PublishedProduct.findById(name);
    return product != null && PublishedProduct.PUBLISHED.equals(product.status) ? product : null;
  }

  private static String consumerDomain(String asked, Caller caller) {
    if (asked == null) {
      return caller.domains().size() == 1 ? caller.domains().iterator().next() : null;
    }
    if (!caller.domains().contains(asked) && !caller.hasRole(Roles.PLATFORM_ADMIN)) {
      throw new DomainAccessDeniedException(
          caller.name() + " cannot ask for domain '" + asked + "': not one of " + caller.domains());
    }
    return asked;
  }

  /** {@code consumer_<team>}: a database role / Kafka principal name, a-z0-9_ only. */
  static String principal(String consumer) {
    String cleaned = consumer.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    String name = "consumer_" + cleaned.replaceAll("^_+|_+$", "");
    return name.length() <= 63 ? name : name.substring(0, 63);
  }
}
