package io.meshwork.governance.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes the audit trail, in the caller's transaction, and reads it back per product. */
@ApplicationScoped
public class AuditTrail {

  private final ObjectMapper mapper;

  public AuditTrail(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The subject of an entry: a product version, or none for a policy change. */
  public record Subject(String product, String domain, String version) {
    public static final Subject NONE = new Subject(null, null, null);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      Subject subject,
      AuditAction action,
      String actor,
      UUID reviewId,
      UUID evaluationId,
      Object policies,
      Object details) {
    AuditEntry entry = new AuditEntry();
    entry.product = subject.product();
    entry.domain = subject.domain();
    entry.version = subject.version();
    entry.action = action;
    entry.actor = actor;
    entry.reviewId = reviewId;
    entry.evaluationId = evaluationId;
    entry.policies = policies == null ? mapper.createArrayNode() : mapper.valueToTree(policies);
    entry.details = details == null ? mapper.createObjectNode() : mapper.valueToTree(details);
    entry.occurredAt = Instant.now();
    entry.persist();
  }

  public List<AuditEntry> ofProduct(String product) {
    return AuditEntry.list("product = ?1 order by occurredAt, id", product);
  }

  public List<AuditEntry> ofPolicies() {
    return AuditEntry.list("action = ?1 order by occurredAt, id", AuditAction.POLICY_CHANGED);
  }

  public JsonNode tree(Object value) {
    return mapper.valueToTree(value);
  }
}
