package io.meshwork.governance.review;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.meshwork.events.catalog.DataProductSubmitted;
import io.meshwork.events.governance.GovernanceEvents;
import io.meshwork.events.governance.ReviewDecided;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.governance.audit.AuditAction;
import io.meshwork.governance.audit.AuditTrail;
import io.meshwork.governance.evaluation.Evaluation;
import io.meshwork.governance.evaluation.EvaluationService;
import io.meshwork.governance.evaluation.Finding;
import io.meshwork.governance.evaluation.Outcome;
import io.meshwork.governance.policy.Enforcement;
import io.meshwork.governance.product.GovernanceAccess;
import io.meshwork.governance.rules.ProductDescriptor;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.ResourceNotFoundException;
import io.meshwork.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The compliance workflow: a submitted product is evaluated at once; a failed hard mandate sends it
 * back with the findings, otherwise a review opens for the governance board, which approves,
 * requests changes, or overrides a failed soft mandate with a reason. Every decision is an event
 * (through the outbox) that catalog-service applies to the product's lifecycle.
 */
@ApplicationScoped
public class ReviewService {

  public static final String SERVICE_ACTOR = "governance-service";
  private static final Logger LOG = Logger.getLogger(ReviewService.class);
  private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {};

  private final EvaluationService evaluations;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final ObjectMapper mapper;

  public ReviewService(
      EvaluationService evaluations, Outbox outbox, AuditTrail audit, ObjectMapper mapper) {
    this.evaluations = evaluations;
    this.outbox = outbox;
    this.audit = audit;
    this.mapper = mapper;
  }

  /** A product was submitted: evaluate it and open its review round (or send it back at once). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void submitted(DataProductSubmitted submitted) {
    if (Review.count("product = ?1 and round = ?2", submitted.name(), submitted.round()) > 0) {
      LOG.infof("Review round %d of %s exists already", submitted.round(), submitted.name());
      return;
    }
    Review previous =
        Review.<Review>find("product = ?1 order by round desc", submitted.name()).firstResult();
    if (previous != null && previous.status == ReviewStatus.OPEN) {
      previous.status = ReviewStatus.SUPERSEDED;
    }
    Evaluation evaluation =
        evaluations.evaluate(
            ProductDescriptor.of(submitted.spec()), Evaluation.Trigger.SUBMITTED, SERVICE_ACTOR);
    Review review = new Review();
    review.id = UUID.randomUUID();
    review.product = submitted.name();
    review.domain = submitted.domain();
    review.version = submitted.version();
    review.round = submitted.round();
    review.previousReview = previous == null ? null : previous.id;
    review.status = ReviewStatus.OPEN;
    review.evaluation = evaluation.id;
    review.overrides = mapper.createArrayNode();
    review.submittedBy = submitted.submittedBy();
    review.openedAt = Instant.now();
    review.persist();
    if (!sendBackOnHardFailure(review, "submitted")) {
      record(
          review,
          AuditAction.REVIEW_OPENED,
          submitted.submittedBy(),
          Map.of("round", review.round));
    }
  }

  /** A policy change evaluated the product again: an open round takes the new findings. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void reevaluated(String product, Evaluation evaluation) {
    Review open =
        Review.<Review>find("product = ?1 and status = ?2", product, ReviewStatus.OPEN)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResult();
    if (open != null && open.version.equals(evaluation.version)) {
      open.evaluation = evaluation.id;
      sendBackOnHardFailure(open, "re-evaluated after a policy change");
    }
  }

  @Transactional
  public Review approve(UUID id, String comment, Caller caller) {
    Review review = openForBoard(id, caller);
    List<Finding> blocking = findings(review).stream().filter(Finding::blocking).toList();
    if (!blocking.isEmpty()) {
      throw new ConflictException(
          "governance.review.blocked",
          "Review "
              + id
              + " cannot be approved: failed "
              + describe(blocking)
              + ". Request changes, or override a soft mandate with a reason.");
    }
    decide(review, ReviewDecided.APPROVED, caller.name(), comment);
    return review;
  }

  @Transactional
  public Review requestChanges(UUID id, String comment, Caller caller) {
    if (comment == null || comment.isBlank()) {
      throw InvalidRequestException.ofField(
          "governance.review.comment-required",
          "comment",
          "say what the domain team should change");
    }
    Review review = openForBoard(id, caller);
    decide(review, ReviewDecided.CHANGES_REQUESTED, caller.name(), comment);
    return review;
  }

  /**
   * Lets failed soft mandates pass: one rule ({@code policy} and {@code rule}) or, when neither is
   * given, every failed soft mandate of the review. Hard mandates cannot be overridden.
   */
  @Transactional
  public Review override(UUID id, String policy, String rule, String comment, Caller caller) {
    if (comment == null || comment.isBlank()) {
      throw InvalidRequestException.ofField(
          "governance.review.comment-required", "comment", "give the reason for the override");
    }
    Review review = openForBoard(id, caller);
    List<Finding> chosen =
        findings(review).stream()
            .filter(f -> policy == null || f.policy().equals(policy))
            .filter(f -> rule == null || f.rule().equals(rule))
            .toList();
    if (chosen.isEmpty()) {
      throw new ResourceNotFoundException(
          "governance.review.finding-not-found",
          "Review "
              + id
              + " has no finding of policy "
              + policy
              + (rule == null ? "" : " rule " + rule));
    }
    List<Finding> hard = chosen.stream().filter(Finding::hardFailure).toList();
    if (!hard.isEmpty() && (policy != null || rule != null)) {
      throw new ConflictException(
          "governance.review.hard-mandate",
          "A hard mandate cannot be overridden: " + describe(hard) + " must be fixed");
    }
    List<Finding> soft =
        chosen.stream()
            .filter(
                f -> f.outcome() == Outcome.FAILED && f.enforcement() == Enforcement.SOFT_MANDATE)
            .toList();
    if (soft.isEmpty()) {
      throw new ConflictException(
          "governance.review.nothing-to-override",
          "Nothing to override: no failed soft mandate among " + describe(chosen));
    }
    ArrayNode overrides = (ArrayNode) review.overrides;
    List<Map<String, String>> granted = new ArrayList<>();
    for (Finding finding : soft) {
      Map<String, String> override =
          Map.of(
              "policy", finding.policy(),
              "rule", finding.rule(),
              "comment", comment,
              "by", caller.name(),
              "at", Instant.now().toString());
      overrides.add(mapper.valueToTree(override));
      granted.add(override);
    }
    record(review, AuditAction.OVERRIDDEN, caller.name(), Map.of("overrides", granted));
    return review;
  }

  /** The round's findings, with the board's overrides applied. */
  public List<Finding> findings(Review review) {
    Evaluation evaluation = evaluations.get(review.evaluation);
    List<Finding> findings = mapper.convertValue(evaluation.findings, FINDINGS);
    return findings.stream()
        .map(
            f ->
                f.outcome() == Outcome.FAILED && review.overrides(f.policy(), f.rule())
                    ? f.overridden()
                    : f)
        .toList();
  }

  private boolean sendBackOnHardFailure(Review review, String when) {
    List<Finding> hard = findings(review).stream().filter(Finding::hardFailure).toList();
    if (hard.isEmpty()) {
      return false;
    }
    decide(
        review,
        ReviewDecided.CHANGES_REQUESTED,
        SERVICE_ACTOR,
        "Automated checks "
            + when
            + ": failed hard mandate "
            + describe(hard)
            + ". "
            + hard.get(0).remediation());
    return true;
  }

  private void decide(Review review, String decision, String actor, String comment) {
    review.status =
        ReviewDecided.APPROVED.equals(decision)
            ? ReviewStatus.APPROVED
            : ReviewStatus.CHANGES_REQUESTED;
    review.decidedBy = actor;
    review.comment = comment;
    review.decidedAt = Instant.now();
    List<ReviewDecided.Finding> findings =
        findings(review).stream()
            .map(
                f ->
                    new ReviewDecided.Finding(
                        f.policy(),
                        f.rule(),
                        f.enforcement().level(),
                        f.outcome().value(),
                        f.evidence(),
                        f.remediation()))
            .toList();
    outbox.publish(
        GovernanceEvents.REVIEW_DECIDED,
        review.product,
        review.domain + "/" + review.product,
        new ReviewDecided(
            review.id,
            review.product,
            review.domain,
            review.version,
            review.round,
            decision,
            actor,
            comment,
            findings,
            review.decidedAt));
    record(
        review,
        ReviewDecided.APPROVED.equals(decision)
            ? AuditAction.APPROVED
            : AuditAction.CHANGES_REQUESTED,
        actor,
        comment == null
            ? Map.of("round", review.round)
            : Map.of("round", review.round, "comment", comment));
  }

  private Review openForBoard(UUID id, Caller caller) {
    GovernanceAccess.requireBoard(caller);
    Review review =
        Review.<Review>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "governance.review.not-found", "No review " + id));
    if (review.status != ReviewStatus.OPEN) {
      throw new ConflictException(
          "governance.review.closed",
          "Review "
              + id
              + " is "
              + review.status
              + "; only an OPEN review can be decided"
              + (review.status == ReviewStatus.CHANGES_REQUESTED
                  ? " (the owner resubmits to open the next round)"
                  : ""));
    }
    return review;
  }

  private void record(Review review, AuditAction action, String actor, Object details) {
    Evaluation evaluation = evaluations.get(review.evaluation);
    audit.record(
        new AuditTrail.Subject(review.product, review.domain, review.version),
        action,
        actor,
        review.id,
        review.evaluation,
        evaluation.policies,
        details);
  }

  private static String describe(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.policy() + "." + f.rule() + " (" + f.enforcement().level() + ")")
        .distinct()
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }
}
