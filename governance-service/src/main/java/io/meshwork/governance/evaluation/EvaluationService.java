package io.meshwork.governance.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.governance.audit.AuditAction;
import io.meshwork.governance.audit.AuditTrail;
import io.meshwork.governance.rules.Evidence;
import io.meshwork.governance.rules.ProductDescriptor;
import io.meshwork.web.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Evaluates products against the policies in force for their domain, and keeps the result. */
@ApplicationScoped
public class EvaluationService {

  private final ActivePolicies policies;
  private final EvidenceCollector evidence;
  private final AuditTrail audit;
  private final ObjectMapper mapper;

  public EvaluationService(
      ActivePolicies policies, EvidenceCollector evidence, AuditTrail audit, ObjectMapper mapper) {
    this.policies = policies;
    this.evidence = evidence;
    this.audit = audit;
    this.mapper = mapper;
  }

  /** Evaluates and stores the result, with an audit entry, in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Evaluation evaluate(ProductDescriptor product, Evaluation.Trigger trigger, String actor) {
    Evaluation evaluation = run(product, trigger, actor);
    evaluation.id = UUID.randomUUID();
    evaluation.persist();
    audit.record(
        new AuditTrail.Subject(product.name(), product.domain(), product.version()),
        AuditAction.EVALUATED,
        actor,
        null,
        evaluation.id,
        evaluation.policies,
        Map.of(
            "trigger", trigger.name(),
            "outcome", evaluation.outcome.value(),
            "findings", evaluation.findings));
    return evaluation;
  }

  /** Evaluates without storing anything: a dry run of any descriptor. */
  public Evaluation dryRun(ProductDescriptor product, String actor) {
    return run(product, Evaluation.Trigger.REQUESTED, actor);
  }

  public Evaluation get(UUID id) {
    return Evaluation.<Evaluation>findByIdOptional(id)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "governance.evaluation.not-found", "No evaluation " + id));
  }

  public List<Evaluation> ofProduct(String product, String version) {
    return version == null
        ? Evaluation.list("product = ?1 order by evaluatedAt desc", product)
        : Evaluation.list(
            "product = ?1 and version = ?2 order by evaluatedAt desc", product, version);
  }

  private Evaluation run(ProductDescriptor product, Evaluation.Trigger trigger, String actor) {
    List<ActivePolicy> active = policies.forDomain(product.domain());
    Evidence gathered = evidence.collect(product, PolicyEngine.needs(active));
    PolicyEngine.Result result = PolicyEngine.evaluate(active, product, gathered);
    Evaluation evaluation = new Evaluation();
    evaluation.product = product.name();
    evaluation.domain = product.domain();
    evaluation.version = product.version();
    evaluation.trigger = trigger;
    evaluation.outcome = result.outcome();
    evaluation.policies = mapper.valueToTree(active.stream().map(ActivePolicy::applied).toList());
    evaluation.findings = mapper.valueToTree(result.findings());
    evaluation.evaluatedBy = actor;
    evaluation.evaluatedAt = Instant.now();
    return evaluation;
  }
}
