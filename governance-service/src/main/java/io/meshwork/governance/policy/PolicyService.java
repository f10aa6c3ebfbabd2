package io.meshwork.governance.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.governance.audit.AuditAction;
import io.meshwork.governance.audit.AuditTrail;
import io.meshwork.governance.product.ReevaluationQueue;
import io.meshwork.web.problem.ConflictException;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.ResourceNotFoundException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.DomainAccessDeniedException;
import io.meshwork.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Policy documents as code: a PUT of the HCL is a declarative upsert (the same policies again
 * change nothing; new ones are a new version), checked for scope and for federation (a domain adds
 * its own policies; it never replaces or shadows a global one), then every product the document
 * applies to is queued for evaluation again.
 */
@ApplicationScoped
public class PolicyService {

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_-]{0,62}$");

  private final PolicyReader reader;
  private final ReevaluationQueue reevaluations;
  private final AuditTrail audit;
  private final ObjectMapper mapper;

  public PolicyService(
      PolicyReader reader, ReevaluationQueue reevaluations, AuditTrail audit, ObjectMapper mapper) {
    this.reader = reader;
    this.reevaluations = reevaluations;
    this.audit = audit;
    this.mapper = mapper;
  }

  /** The outcome of a PUT: the document, its version, and how many products re-evaluate. */
  public record Put(
      PolicyDocument document,
      PolicyVersion version,
      boolean created,
      boolean changed,
      int queued) {}

  @Transactional
  public Put put(String name, String hcl, Caller caller) {
    if (!NAME.matcher(name).matches()) {
      throw InvalidRequestException.ofField(
          "governance.policy.invalid-name", "name", "must be lower case letters, digits, _ and -");
    }
    PolicySet set = reader.read(hcl == null ? "" : hcl);
    authorize(set, caller);
    PolicyDocument document =
        PolicyDocument.<PolicyDocument>findByIdOptional(name, LockModeType.PESSIMISTIC_WRITE)
            .orElse(null);
    if (document != null && !Objects.equals(document.domain, set.domain())) {
      throw new ConflictException(
          "governance.policy.scope-change",
          "Policy document '"
              + name
              + "' is "
              + document.scope()
              + "; it cannot become "
              + (set.global() ? "global" : "local to " + set.domain())
              + ". Write the policies in a new document.");
    }
    requireFederated(name, set);
    JsonNode rendered = render(set);
    String hash = hash(set.domain(), rendered);
    Instant now = Instant.now();
    if (document != null) {
      PolicyVersion current = version(name, document.currentVersion);
      if (current.contentHash.equals(hash)) {
        return new Put(document, current, false, false, 0);
      }
    }
    boolean created = document == null;
    if (created) {
      document = new PolicyDocument();
      document.name = name;
      document.domain = set.domain();
      document.currentVersion = 0;
      document.createdBy = caller.name();
      document.createdAt = now;
    }
    PolicyVersion version = new PolicyVersion();
    version.key = new PolicyVersion.Key(name, document.currentVersion + 1);
    version.hcl = hcl;
    version.policies = rendered;
    version.contentHash = hash;
    version.createdBy = caller.name();
    version.createdAt = now;
    document.currentVersion = version.version();
    document.updatedAt = now;
    document.persist();
    version.persist();
    int queued =
        reevaluations.queue(set.domain(), "policy document " + name + " v" + version.version());
    audit.record(
        AuditTrail.Subject.NONE,
        AuditAction.POLICY_CHANGED,
        caller.name(),
        null,
        null,
        List.of(Map.of("document", name, "version", version.version())),
        Map.of("scope", document.scope(), "policies", names(rendered), "productsQueued", queued));
    return new Put(document, version, created, true, queued);
  }

  public PolicyDocument document(String name) {
    return PolicyDocument.<PolicyDocument>findByIdOptional(name)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "governance.policy.not-found", "No policy document named '" + name + "'"));
  }

  public List<PolicyDocument> documents() {
    return PolicyDocument.list("order by name");
  }

  public PolicyVersion version(String name, int version) {
    return PolicyVersion.<PolicyVersion>findByIdOptional(new PolicyVersion.Key(name, version))
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "governance.policy.version-not-found",
                    "Policy document '" + name + "' has no version " + version));
  }

  public List<PolicyVersion> versions(String name) {
    document(name);
    return PolicyVersion.list("key.document = ?1 order by key.version", name);
  }

  private static void authorize(PolicySet set, Caller caller) {
    if (caller.hasRole(Roles.GOVERNANCE_BOARD) || caller.hasRole(Roles.PLATFORM_ADMIN)) {
      return;
    }
    if (set.global()) {
      throw new DomainAccessDeniedException(
          caller.name()
              + " may not change global policies: needs role "
              + Roles.GOVERNANCE_BOARD
              + " or "
              + Roles.PLATFORM_ADMIN);
    }
    caller.requireMayChange(set.domain());
  }

  /** A policy name belongs to one document; a domain's cannot reuse a global one's, or back. */
  private void requireFederated(String name, PolicySet set) {
    List<PolicyDocument> others = PolicyDocument.list("name <> ?1", name);
    for (PolicyDocument other : others) {
      List<String> taken = names(version(other.name, other.currentVersion).policies);
      for (PolicyDefinition policy : set.policies()) {
        if (!taken.contains(policy.name())) {
          continue;
        }
        if (other.domain == null && !set.global()) {
          throw new ConflictException(
              "governance.policy.weakens-global",
              "Policy '"
                  + policy.name()
                  + "' is global (document '"
                  + other.name
                  + "'): a domain"
                  + " adds its own policies under other names and cannot replace or weaken a global"
                  + " one");
        }
        if (Objects.equals(other.domain, set.domain()) || other.domain == null || set.global()) {
          throw new ConflictException(
              "governance.policy.duplicate",
              "Policy '"
                  + policy.name()
                  + "' is already defined in document '"
                  + other.name
                  + "' ("
                  + other.scope()
                  + "); rename it or change that document");
        }
      }
    }
  }

  JsonNode render(PolicySet set) {
    ArrayNode policies = mapper.createArrayNode();
    for (PolicyDefinition policy : set.policies()) {
      ObjectNode node = policies.addObject();
      node.put("name", policy.name());
      node.put("enforcement", policy.enforcement().level());
      if (policy.description() != null) {
        node.put("description", policy.description());
      }
      ArrayNode rules = node.putArray("rules");
      for (PolicyDefinition.NamedRule rule : policy.rules()) {
        ObjectNode ruleNode = rules.addObject();
        ruleNode.put("id", rule.id());
        ruleNode.put("kind", rule.rule().kind());
        ruleNode.set("params", mapper.valueToTree(rule.params()));
      }
    }
    return policies;
  }

  static List<String> names(JsonNode policies) {
    return StreamSupport.stream(policies.spliterator(), false)
        .map(policy -> policy.path("name").asText())
        .toList();
  }

  private static String hash(String domain, JsonNode policies) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.valueOf(domain).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(policies.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
