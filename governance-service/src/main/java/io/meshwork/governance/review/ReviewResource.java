package io.meshwork.governance.review;

import io.meshwork.governance.product.GovernanceAccess;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.ResourceNotFoundException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReviewResource {

  private final ReviewService reviews;
  private final Caller caller;

  public ReviewResource(ReviewService reviews, Caller caller) {
    this.reviews = reviews;
    this.caller = caller;
  }

  /** A decision's words: why approved, what to change, why a soft mandate may pass. */
  public record DecisionRequest(String comment) {}

  /** An override: one rule ({@code policy}, {@code rule}) or, without them, every soft mandate. */
  public record OverrideRequest(String policy, String rule, String comment) {}

  @GET
  @RolesAllowed({
    Roles.GOVERNANCE_BOARD,
    Roles.PLATFORM_ADMIN,
    Roles.DOMAIN_OWNER,
    Roles.PLATFORM_SERVICE
  })
  @Operation(
      summary =
          "Review rounds, newest first, by status (open, approved, changes_requested, superseded)"
              + " and product; a domain owner sees those of their own domains")
  public List<ReviewResponse> list(
      @QueryParam("status") String status, @QueryParam("product") String product) {
    StringBuilder query = new StringBuilder("1 = 1");
    List<Object> params = new ArrayList<>();
    if (status != null && !status.isBlank()) {
      params.add(ReviewStatusParam.parse(status));
      query.append(" and status = ?").append(params.size());
    }
    if (product != null && !product.isBlank()) {
      params.add(product);
      query.append(" and product = ?").append(params.size());
    }
    if (!GovernanceAccess.seesAll(caller)) {
      if (caller.domains().isEmpty()) {
        return List.of();
      }
      params.add(new ArrayList<>(caller.domains()));
      query.append(" and domain in ?").append(params.size());
    }
    List<Review> found = Review.list(query + " order by openedAt desc", params.toArray());
    return found.stream().map(r -> ReviewResponse.of(r, reviews.findings(r))).toList();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({
    Roles.GOVERNANCE_BOARD,
    Roles.PLATFORM_ADMIN,
    Roles.DOMAIN_OWNER,
    Roles.PLATFORM_SERVICE
  })
  @Operation(summary = "One review round with its findings")
  public ReviewResponse get(@PathParam("id") UUID id) {
    Review review =
        Review.<Review>findByIdOptional(id)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "governance.review.not-found", "No review " + id));
    GovernanceAccess.requireSees(caller, review.domain);
    return ReviewResponse.of(review, reviews.findings(review));
  }

  @POST
  @Path("/{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.GOVERNANCE_BOARD)
  @Operation(summary = "Approve the round (governance board); refused while a mandate still fails")
  public ReviewResponse approve(@PathParam("id") UUID id, DecisionRequest request) {
    Review review = reviews.approve(id, request == null ? null : request.comment(), caller);
    return ReviewResponse.of(review, reviews.findings(review));
  }

  @POST
  @Path("/{id}/request-changes")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.GOVERNANCE_BOARD)
  @Operation(summary = "Send the product back to its team with a comment (governance board)")
  public ReviewResponse requestChanges(@PathParam("id") UUID id, DecisionRequest request) {
    Review review = reviews.requestChanges(id, request == null ? null : request.comment(), caller);
    return ReviewResponse.of(review, reviews.findings(review));
  }

  @POST
  @Path("/{id}/override")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.GOVERNANCE_BOARD)
  @Operation(
      summary =
          "Let a failed soft mandate pass, with the reason, kept in the audit trail (governance"
              + " board); hard mandates cannot be overridden")
  public ReviewResponse override(@PathParam("id") UUID id, OverrideRequest request) {
    OverrideRequest body = request == null ? new OverrideRequest(null, null, null) : request;
    Review review = reviews.override(id, body.policy(), body.rule(), body.comment(), caller);
    return ReviewResponse.of(review, reviews.findings(review));
  }

  /** {@code ?status=} in any case, naming the allowed values when wrong. */
  static final class ReviewStatusParam {
    private ReviewStatusParam() {}

    static ReviewStatus parse(String value) {
      try {
        return ReviewStatus.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw InvalidRequestException.ofField(
            "governance.review.invalid-status",
            "status",
            "must be one of open, approved, changes_requested, superseded");
      }
    }
  }
}
