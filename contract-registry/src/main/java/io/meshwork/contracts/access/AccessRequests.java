package io.meshwork.contracts.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** The bodies of the access endpoints. */
public final class AccessRequests {

  private AccessRequests() {}

  /**
   * A consumer asks for access: which output ports (default all), which fields (default all), why,
   * the service level it needs and until when; {@code consumerDomain} when asking for a team.
   */
  public record NewRequest(
      String product,
      List<String> outputPorts,
      List<String> fields,
      String purpose,
      JsonNode sla,
      Instant expiresAt,
      String consumerDomain) {}

  /** The producer's offer: the contract version it will be held to and the service level. */
  public record Proposal(String contractId, String contractVersion, JsonNode sla, String comment) {}

  /** Either side's counter-offer of the service level, with why. */
  public record Counter(JsonNode sla, String comment) {}

  /** A decision's reason: required to reject or revoke, optional otherwise. */
  public record Decision(String reason) {}
}
