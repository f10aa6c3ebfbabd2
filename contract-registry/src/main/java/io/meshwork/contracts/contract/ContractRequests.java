package io.meshwork.contracts.contract;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Request bodies of the contract API (contract documents themselves are read as text). */
public final class ContractRequests {

  private ContractRequests() {}

  public record StatusChange(
      @NotNull(message = "is required")
          @Pattern(
              regexp = "^(draft|proposed|active|deprecated|retired)$",
              message = "must be draft, proposed, active, deprecated or retired")
          String status,
      @Size(max = 2000, message = "must be at most 2000 characters") String reason,
      Instant sunsetAt,
      @Pattern(regexp = "^\\d+\\.\\d+\\.\\d+.*$", message = "must be a version like 2.0.0")
          String successor) {}

  public record SignAgreement(
      @PositiveOrZero(message = "must be 0 or more") Integer major,
      @Pattern(regexp = "^[a-z][a-z0-9_-]{0,62}$", message = "must be a domain name")
          String consumerDomain,
      @Size(max = 2000, message = "must be at most 2000 characters") String purpose) {}
}
